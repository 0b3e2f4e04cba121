import { chromium, expect } from "@playwright/test";
import { test } from "./support/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./support/chromium";
import { takeServiceWorkerControl } from "./support/till";

/*
 * A shop on its own domain: the platform owner points shop.corner-pantry.test at the demo shop, and
 * a shopper there gets the storefront at the root — links, manifest and service worker included —
 * browsing offline like on the platform's host. Chromium maps the name to this server.
 */

const DOMAIN = "shop.corner-pantry.test";

test("a shop answers on its own domain at the root, installs there and browses offline", async ({ request, baseURL }) => {
  const port = new URL(baseURL!).port;
  const origin = `http://${DOMAIN}:${port}`;
  const owner = (
    (await (await request.post("/api/v1/auth/login", { data: { email: "owner@countertop.test", password: "demo-owner" } })).json()) as {
      token: string;
    }
  ).token;
  const auth = { authorization: `Bearer ${owner}` };
  const tenants = (
    (await (await request.get("/api/v1/admin/tenants", { headers: auth })).json()) as { tenants: { id: string; slug: string }[] }
  ).tenants;
  const demo = tenants.find((t) => t.slug === "demo")!;
  const bad = await request.put(`/api/v1/admin/tenants/${demo.id}/domain`, {
    headers: auth,
    data: { domain: "https://shop.example.com/" },
  });
  expect(bad.status()).toBe(400);
  const set = await request.put(`/api/v1/admin/tenants/${demo.id}/domain`, { headers: auth, data: { domain: DOMAIN.toUpperCase() } });
  expect(await set.json()).toMatchObject({ slug: "demo", domain: DOMAIN });

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      `--host-resolver-rules=MAP ${DOMAIN} 127.0.0.1`,
      // Service workers need a secure origin; real shop domains are served over HTTPS.
      `--unsafely-treat-insecure-origin-as-secure=${origin}`,
    ],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await expect(page.getByRole("heading", { name: "Corner Pantry" })).toBeVisible({ timeout: 30_000 });
    expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/manifest.webmanifest");
    const manifest = await page.evaluate(async () => (await fetch("/manifest.webmanifest")).json());
    expect(manifest).toMatchObject({ name: "Corner Pantry", start_url: "/", scope: "/" });
    const product = page.getByRole("link", { name: /Club-Mate/ });
    expect(await product.getAttribute("href")).toMatch(/^\/p\//);
    await takeServiceWorkerControl(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(`${origin}/`);

    await page.getByRole("link", { name: /Club-Mate/ }).click();
    await expect(page.getByRole("heading", { name: "Club-Mate" })).toBeVisible();
    await page.getByRole("button", { name: "Add to cart" }).click();
    expect(new URL(page.url()).pathname).toMatch(/^\/p\//);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Club-Mate" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("link", { name: "Cart (1)" })).toBeVisible();
    await page.getByRole("link", { name: "Cart (1)" }).click();
    await expect(page).toHaveURL(`${origin}/cart`);
    await context.setOffline(false);
  } finally {
    await browser.close();
    await request.put(`/api/v1/admin/tenants/${demo.id}/domain`, { headers: auth, data: { domain: null } });
  }
  // The platform's own host still serves the platform: the POS, and the shop under /shop/demo/.
  expect((await request.get("/shop/demo/")).status()).toBe(200);
});
