import { expect } from "@playwright/test";
import { test } from "./support/test";
import { signInAsManager } from "./support/manager";
import { enterPin, pull, registerTill, tillOf } from "./support/till";
import { SHOTS } from "./support/shots";

/*
 * The shop's side of online orders, at the till: a shopper's order shows up live in "Online
 * orders"; a cashier marks it ready for pickup; a manager cancels it in manager mode, signed in with
 * their password, through the manager outbox — and the stock goes back.
 */

test.use({ viewport: { width: 1280, height: 800 } });

type Json = Record<string, unknown>;

test("a till lists the online orders, moves one to 'ready for pickup', and a manager cancels it back into stock in manager mode", async ({
  page,
  request,
}) => {
  await registerTill(page, "Orders till");
  await enterPin(page, "1234", { timeout: 30_000 });
  await page.getByRole("button", { name: "Open shift" }).click();
  await expect(page.getByRole("heading", { name: "Cart" })).toBeVisible();
  const { token } = await tillOf(page);

  // A shopper orders two bottles online while the till is open.
  const shopper = ((await (await request.post("/api/v1/shop/demo/session")).json()) as { token: string }).token;
  const products = await pull<{ name: string; variants: { id: string }[] }>(page, token, "products");
  const variantId = products.find((p) => p.name === "Club-Mate")!.variants[0]!.id;
  const levelOf = async () =>
    (await pull<{ variantId: string; onHand: number }>(page, token, "stock_levels")).find((l) => l.variantId === variantId)!.onHand;
  const before = await levelOf();
  const placed = await request.post("/api/v1/shop/demo/checkout", {
    headers: { authorization: `Bearer ${shopper}`, "idempotency-key": `till-orders-${Date.now()}` },
    data: {
      lines: [{ variantId, qty: 2 }],
      email: "pickup@example.test",
      shippingOptionId: "pickup",
      payment: { provider: "test_card", card: { number: "4242424242424242" } },
    },
  });
  expect(placed.status()).toBe(201);
  const order = ((await placed.json()) as { order: Json & { id: string; number: string } }).order;
  expect(await levelOf()).toBe(before - 2);

  await expect(page.getByRole("button", { name: /^Online orders \(\d+\)$/ })).toBeVisible({ timeout: 15_000 });
  await page.getByRole("button", { name: /^Online orders/ }).click();
  const card = page.getByRole("listitem", { name: `Order ${order.number}` });
  await expect(card).toContainText("2 × Club-Mate");
  await expect(card).toContainText("Paid");
  await card.getByRole("button", { name: "Ready for pickup" }).click();
  await expect(card.locator(".badge")).toHaveText("Ready for pickup");
  await page.screenshot({ path: `${SHOTS}/pos-online-orders.png`, fullPage: true });
  await expect
    .poll(async () => (await pull<{ id: string; status: string }>(page, token, "orders")).find((o) => o.id === order.id)?.status)
    .toBe("ready_for_pickup");

  // The cashier can't cancel: that is a manager's write, made in manager mode with a session.
  await expect(card.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  await page.getByRole("button", { name: "Manager", exact: true }).click();
  await signInAsManager(page);
  await page.getByRole("navigation", { name: "Manager" }).getByRole("button", { name: "Online orders" }).click();
  const managed = page.getByRole("listitem", { name: `Order ${order.number}` });
  await managed.getByRole("button", { name: "Cancel order" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("its items go back into stock");
  await dialog.getByRole("button", { name: "Cancel order" }).click();
  // The two bottles go back on the shelf once the server accepts the cancellation.
  await expect(managed).toBeHidden({ timeout: 15_000 });
  await page.getByLabel("Show finished orders").check();
  await expect(
    page
      .getByRole("listitem", { name: `Order ${order.number}` })
      .locator(".badge")
      .first(),
  ).toHaveText("Cancelled");
  await expect.poll(levelOf).toBe(before);
  await page.getByRole("button", { name: "Leave manager mode" }).click();
  await expect(page.getByRole("heading", { name: "Online orders" })).toBeVisible();
});
