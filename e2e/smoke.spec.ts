import { expect, test } from "@playwright/test";
import { takeServiceWorkerControl } from "./support/till";

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
  // The first load is not controlled; reload once so the worker has claimed the page.
  await takeServiceWorkerControl(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Set up this till" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Offline");
  await context.setOffline(false);
});
