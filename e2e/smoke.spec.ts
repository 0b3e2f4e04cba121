import { expect } from "@playwright/test";
import { test } from "./support/test";
import { takeServiceWorkerControl } from "./support/till";

test("the server is healthy on PostgreSQL", async ({ request }) => {
  const res = await request.get("/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, db: "postgres" });
});

test("each app shell loads under the server's Content-Security-Policy, with nothing blocked", async ({ page }) => {
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
  });
  const pos = await page.goto("/pos/");
  expect(pos?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(pos?.headers()["x-content-type-options"]).toBe("nosniff");
  await expect(page.getByRole("heading", { name: "Set up this till" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Online");

  await page.goto("/shop/demo/");
  await expect(page.getByRole("heading", { name: "Corner Pantry" })).toBeVisible();

  await page.goto("/admin/");
  await expect(page.getByRole("heading", { name: "Countertop Platform" })).toBeVisible();
  expect(blocked).toEqual([]);
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
