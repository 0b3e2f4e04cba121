import { expect, type Browser, type Page } from "@playwright/test";
import { test } from "./support/test";

/*
 * Two shoppers, two browsers, one unit left: both press "Place order" at the same moment. Exactly one
 * order is made; the other shopper is told it is sold out and keeps the cart; stock ends at 0.
 */

const PRODUCT = "Buffalo Mozzarella 125 g";

type Level = { id: string; locationId: string; variantId: string; onHand: number };

async function shopperAtCheckout(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/shop/demo/");
  await page.getByRole("link", { name: new RegExp(PRODUCT) }).click();
  await expect(page.getByText("Only 1 left")).toBeVisible({ timeout: 15_000 });
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("link", { name: "Cart (1)" }).click();
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("radio", { name: /Pick up/ }).check();
  await page.getByRole("radio", { name: "Card" }).check();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  return page;
}

test("two shoppers check out the last unit at once: one order, one clear 'sold out' with the cart intact", async ({ browser, request }) => {
  const manager = (
    (await (await request.post("/api/v1/auth/login", { data: { email: "manager@demo.test", password: "demo-manager" } })).json()) as {
      token: string;
    }
  ).token;
  const auth = { authorization: `Bearer ${manager}` };
  const pullAll = async <T>(collection: string) =>
    ((await (await request.get(`/sync/v1/${collection}/pull?limit=1000`, { headers: auth })).json()) as { documents: T[] }).documents;
  const product = (await pullAll<{ name: string; variants: { id: string }[] }>("products")).find((p) => p.name === PRODUCT)!;
  const variantId = product.variants[0]!.id;
  const level = async () => (await pullAll<Level>("stock_levels")).find((l) => l.variantId === variantId)!;
  const before = await level();
  // The shop counts its shelf: one left.
  const count = {
    id: crypto.randomUUID(),
    locationId: before.locationId,
    variantId,
    delta: 1 - before.onHand,
    reason: "count",
    occurredAt: new Date().toISOString(),
    _deleted: false,
  };
  expect((await request.post("/sync/v1/stock_movements/push", { headers: auth, data: [{ newDocumentState: count }] })).status()).toBe(200);
  expect((await level()).onHand).toBe(1);

  const [ana, ben] = await Promise.all([
    shopperAtCheckout(browser, "ana.race@example.test"),
    shopperAtCheckout(browser, "ben.race@example.test"),
  ]);
  await Promise.all([ana.getByRole("button", { name: "Place order" }).click(), ben.getByRole("button", { name: "Place order" }).click()]);

  const outcome = async (page: Page) => {
    await expect(page.getByRole("heading", { name: /Thank you! Order/ }).or(page.getByRole("alert"))).toBeVisible({ timeout: 15_000 });
    return (await page.getByRole("alert").count()) > 0 ? "sold out" : "ordered";
  };
  const outcomes = await Promise.all([ana, ben].map(async (page) => ({ page, result: await outcome(page) })));
  expect(outcomes.map((o) => o.result).sort()).toEqual(["ordered", "sold out"]);
  const loser = outcomes.find((o) => o.result === "sold out")!.page;
  await expect(loser.getByRole("alert")).toContainText(`Sold out: ${PRODUCT}`);
  await expect(loser.getByRole("link", { name: "Cart (1)" })).toBeVisible();
  await expect(loser.getByRole("button", { name: "Place order" })).toBeEnabled();

  expect((await level()).onHand).toBe(0);
  const orders = (await pullAll<{ email: string }>("orders")).filter((o) => o.email.endsWith(".race@example.test"));
  expect(orders).toHaveLength(1);
});
