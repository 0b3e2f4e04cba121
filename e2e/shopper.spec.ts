import { expect, test, type Page } from "@playwright/test";
import { takeServiceWorkerControl } from "./support/till";

/*
 * A shopper on the demo shop: browse, add to the cart, go offline and keep browsing (and reload),
 * come back online and check out with the test card. Screenshots at phone and desktop sizes.
 */

const SHOTS = "screenshots";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

async function shoot(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SHOTS}/shop-${name}-phone.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `${SHOTS}/shop-${name}-desktop.png`, fullPage: true });
}

test("a shopper browses offline, keeps the cart across an offline reload, and checks out online", async ({ page, context, request }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto("/shop/demo/");
  await expect(page.getByRole("heading", { name: "Corner Pantry" })).toBeVisible({ timeout: 30_000 });
  await takeServiceWorkerControl(page);
  await expect(page.getByRole("link", { name: /Club-Mate/ })).toBeVisible();
  // The shop installs as its own app: its shell links its own manifest.
  expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/shop/demo/manifest.webmanifest");
  const manifest = (await (await request.get("/shop/demo/manifest.webmanifest")).json()) as { name: string; start_url: string };
  expect(manifest).toMatchObject({ name: "Corner Pantry", start_url: "/shop/demo/" });
  await shoot(page, "home");

  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Cold Drinks" }).click();
  await expect(page.getByRole("heading", { name: "Cold Drinks" })).toBeVisible();
  await shoot(page, "category");
  await page.getByRole("link", { name: /Club-Mate/ }).click();
  await expect(page.getByRole("heading", { name: "Club-Mate" })).toBeVisible();
  await expect(page.getByText("In stock")).toBeVisible();
  await shoot(page, "product");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: "Cart (2)" })).toBeVisible();

  // Offline: the catalog and product pages still browse, a reload keeps the cart.
  await context.setOffline(true);
  await page.getByRole("link", { name: "Corner Pantry" }).click();
  await expect(page.getByText("You're offline")).toBeVisible();
  await page.getByRole("link", { name: /Sourdough Loaf/ }).click();
  await expect(page.getByRole("heading", { name: "Sourdough Loaf" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sourdough Loaf" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: "Cart (2)" })).toBeVisible();
  await page.getByRole("link", { name: "Cart (2)" }).click();
  await expect(page.getByText("Checkout needs a connection. Your cart is saved on this device.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Checkout" })).toBeDisabled();

  await context.setOffline(false);
  await expect(page.getByRole("button", { name: "Checkout" })).toBeEnabled();
  await shoot(page, "cart");
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByLabel("Email").fill("ana@example.test");
  await page.getByRole("radio", { name: /Pick up/ }).check();
  await page.getByRole("radio", { name: "Card" }).check();
  await page.getByLabel("Card number").fill("4000 0000 0000 0002");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("alert")).toContainText("declined");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await shoot(page, "checkout");
  await page.getByRole("button", { name: "Place order" }).dblclick();
  await expect(page.getByRole("heading", { name: /Thank you! Order \d+/ })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText(/Paid/);
  await shoot(page, "order");
  const number = ((await page.getByRole("heading", { name: /Thank you/ }).textContent()) ?? "").replace(/\D/g, "");

  // The shop has exactly one such order (a double-clicked "Place order" makes one).
  const login = await request.post("/api/v1/auth/login", { data: { email: "manager@demo.test", password: "demo-manager" } });
  const token = ((await login.json()) as { token: string }).token;
  const orders = ((await (await request.get("/sync/v1/orders/pull?limit=1000", { headers: { authorization: `Bearer ${token}` } })).json()) as { documents: { number: string; email: string; total: number }[] }).documents;
  const mine = orders.filter((o) => o.email === "ana@example.test");
  expect(mine).toHaveLength(1);
  expect(mine[0]!.number).toBe(number);
});
