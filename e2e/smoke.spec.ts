import { expect, test } from "@playwright/test";

test("the server is healthy on PostgreSQL", async ({ request }) => {
  const res = await request.get("/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, db: "postgres" });
});

test("each app shell loads", async ({ page }) => {
  await page.goto("/pos/");
  await expect(page.getByRole("heading", { name: "Set up this till" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Online");

  await page.goto("/shop/demo/");
  await expect(page.getByRole("heading", { name: "Corner Pantry" })).toBeVisible();

  await page.goto("/admin/");
  await expect(page.getByRole("heading", { name: "Countertop Admin" })).toBeVisible();
});

test("the POS shell loads from its service worker with no network", async ({ page, context }) => {
  await page.goto("/pos/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first load is not controlled; wait until the worker has claimed the page or reload once.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Set up this till" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Offline");
  await context.setOffline(false);
});
