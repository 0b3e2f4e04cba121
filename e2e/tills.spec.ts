import { expect, type Browser, type Page } from "@playwright/test";
import { test } from "./support/test";
import { approveAsManager, enterPin, pull, registerTill, tillOf } from "./support/till";
import { managerScreen, managerTab, shootAllSizes, signInAsManager } from "./support/manager";
import { SHOTS } from "./support/shots";

/*
 * Tills against each other and against the unexpected: two tills sell the last unit while offline,
 * and a tab closed in the middle of a sale.
 */

test.use({ viewport: { width: 1280, height: 800 } });

async function openTill(browser: Browser, name: string): Promise<{ page: Page; token: string; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await registerTill(page, name);
  await signIn(page);
  await page.getByRole("button", { name: "Open shift" }).click();
  await expect(page.getByRole("heading", { name: "Cart" })).toBeVisible();
  return { page, token: (await tillOf(page)).token, close: () => context.close() };
}

const signIn = (page: Page) => enterPin(page, "1234", { timeout: 30_000 });

/** Sells one unit for cash and returns the receipt number. */
async function sellOne(page: Page, name: string): Promise<string> {
  await page.getByLabel("Search products").fill(name);
  await page
    .getByRole("button", { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("group", { name: "Cash" }).getByRole("button").first().click();
  await expect(page.locator("#receipt-title")).toBeVisible();
  const number = ((await page.locator("#receipt-title").textContent()) ?? "").replace("Receipt", "").trim();
  await page.getByRole("button", { name: "New sale" }).click();
  return number;
}

test("two tills sell the last unit offline: both sales land, the level is −1, and an oversell item is raised", async ({ browser }) => {
  const a = await openTill(browser, "Oversell A");
  const b = await openTill(browser, "Oversell B");
  const item = "Buffalo Mozzarella 125 g";
  const products = await pull<{ name: string; variants: { id: string }[] }>(a.page, a.token, "products");
  const variantId = products.find((p) => p.name === item)!.variants[0]!.id;
  const levels = await pull<{ id: string; variantId: string; locationId: string; onHand: number }>(a.page, a.token, "stock_levels");
  const level = levels.find((l) => l.variantId === variantId)!;

  // A manager's stock count leaves exactly one on the shelf (a till may not record counts).
  const login = await a.page.request.post("/api/v1/auth/login", { data: { email: "manager@demo.test", password: "demo-manager" } });
  const manager = ((await login.json()) as { token: string }).token;
  const count = await a.page.request.post("/sync/v1/stock_movements/push", {
    headers: { authorization: `Bearer ${manager}` },
    data: [
      {
        newDocumentState: {
          id: crypto.randomUUID(),
          locationId: level.locationId,
          variantId,
          delta: 1 - level.onHand,
          reason: "count",
          occurredAt: new Date().toISOString(),
          _deleted: false,
        },
      },
    ],
  });
  expect(count.status()).toBe(200);
  for (const till of [a, b]) {
    await till.page.getByLabel("Search products").fill(item);
    await expect(till.page.getByRole("button", { name: new RegExp(`^${item}`) })).toContainText("1 in stock", { timeout: 30_000 });
    await till.page.getByLabel("Search products").fill("");
  }

  await a.page.context().setOffline(true);
  await b.page.context().setOffline(true);
  await sellOne(a.page, item);
  await sellOne(b.page, item);
  // Offline, each till already counts its own sale against the shelf.
  await a.page.getByLabel("Search products").fill(item);
  await expect(a.page.getByRole("button", { name: new RegExp(`^${item}`) })).toContainText("0 in stock");
  await a.page.getByLabel("Search products").fill("");
  await a.page.context().setOffline(false);
  await b.page.context().setOffline(false);
  for (const till of [a, b]) await expect(till.page.getByTestId("pending")).toHaveText(/All synced/, { timeout: 30_000 });

  await expect
    .poll(
      async () =>
        (await pull<{ variantId: string; onHand: number }>(a.page, a.token, "stock_levels")).find((l) => l.variantId === variantId)?.onHand,
    )
    .toBe(-1);
  const items = await pull<{ kind: string; status: string; details: { variantId: string } }>(a.page, a.token, "reconciliation");
  expect(items.filter((i) => i.kind === "oversell" && i.details.variantId === variantId && i.status === "open")).toHaveLength(1);
  // Each till's tile shows the shortfall once the level comes back down.
  await a.page.getByLabel("Search products").fill(item);
  await expect(a.page.getByRole("button", { name: new RegExp(`^${item}`) })).toContainText("-1 in stock", { timeout: 30_000 });
  await a.close();
  await b.close();
});

test("closing the tab in the middle of a sale loses no completed sale, records no half sale, and brings the open cart back", async ({
  browser,
}) => {
  const till = await openTill(browser, "Tab closer");
  await sellOne(till.page, "Spaghetti 500 g");
  await expect(till.page.getByTestId("pending")).toHaveText(/All synced/, { timeout: 30_000 });

  // A second sale is on its way to payment when the tab goes away.
  await till.page.getByLabel("Search products").fill("Club-Mate");
  await till.page.getByRole("button", { name: /^Club-Mate/ }).click();
  await till.page.getByRole("button", { name: /^Pay / }).click();
  const context = till.page.context();
  await till.page.close();

  const page = await context.newPage();
  await page.goto("/pos/");
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Cart" })).toBeVisible();
  // The sale in progress is back in the cart, to be paid — and nothing of it was recorded as a sale.
  await expect(page.locator(".lines li")).toHaveCount(1);
  await expect(page.locator(".lines")).toContainText("Club-Mate");
  await expect(page.getByTestId("pending")).toHaveText(/All synced/, { timeout: 30_000 });
  const { deviceId } = await tillOf(page);
  const sales = (await pull<{ registerId: string; lines: { name: string }[] }>(page, till.token, "sales")).filter(
    (s) => s.registerId === deviceId,
  );
  expect(sales).toHaveLength(1);
  expect(sales[0]!.lines.map((l) => l.name)).toEqual(["Spaghetti 500 g"]);
  await till.close();
});

test("discounts (a big one approved by a manager), a parked cart and a new customer — and the server's re-pricing agrees", async ({
  browser,
}) => {
  const till = await openTill(browser, "Discounts");
  const { page, token } = till;
  await page.getByLabel("Search products").fill("Apple Spritzer");
  await page.getByRole("button", { name: /^Apple Spritzer/ }).click();
  await page.getByRole("button", { name: "One more Apple Spritzer" }).click();

  await page.getByRole("button", { name: "Discount Apple Spritzer" }).click();
  await page.getByLabel("Percent off").fill("10");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.locator(".lines")).toContainText("−0,48");

  // Park it, serve someone else, resume.
  await page.getByRole("button", { name: "Park" }).click();
  await expect(page.getByText("Tap a product or scan a barcode.")).toBeVisible();
  await page.getByRole("button", { name: "Parked (1)" }).click();
  await page.getByRole("button", { name: /Resume/ }).click();
  await expect(page.locator(".lines li")).toHaveCount(1);

  // A cart discount above the shop's threshold needs a manager's PIN.
  await page.getByRole("button", { name: "Discount", exact: true }).click();
  await page.getByLabel("Percent off").fill("50");
  await page.getByRole("button", { name: "Apply" }).click();
  await approveAsManager(page);

  await page.getByRole("button", { name: "Customer" }).click();
  await page.getByRole("button", { name: "New customer" }).click();
  await page.getByLabel("Name").fill("Rita Walk-in");
  await page.getByLabel("Email (optional)").fill("rita@example.test");
  await page.getByRole("button", { name: "Create and attach" }).click();
  await expect(page.getByRole("button", { name: "Rita Walk-in" })).toBeVisible();

  // 2 × 2.40 = 4.80, −10 % on the line = 4.32, −50 % on the cart = 2.16.
  await expect(page.getByTestId("cart-total")).toHaveText(/2,16/);
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("group", { name: "Cash" }).getByRole("button").first().click();
  const number = ((await page.locator("#receipt-title").textContent()) ?? "").replace("Receipt", "").trim();
  await expect(page.getByTestId("pending")).toHaveText(/All synced/, { timeout: 30_000 });

  const sales = await pull<{
    id: string;
    number: string;
    customerId?: string;
    total: number;
    discountTotal: number;
    approvedBy?: string;
    approvals?: { action: string }[];
  }>(page, token, "sales");
  const sale = sales.find((s) => s.number === number)!;
  expect(sale).toMatchObject({ total: 216, discountTotal: 264 });
  // The manager's offline approval is kept on the sale, tied to the discount it approved, for review.
  expect(sale.approvedBy).toBeDefined();
  expect(sale.approvals).toEqual([expect.objectContaining({ action: "discount", staffId: sale.approvedBy })]);
  const customers = await pull<{ id: string; name: string }>(page, token, "customers");
  expect(customers.find((c) => c.id === sale.customerId)?.name).toBe("Rita Walk-in");
  const items = await pull<{ kind: string; refId: string }>(page, token, "reconciliation");
  expect(items.filter((i) => i.refId === sale.id)).toEqual([]);

  // The next customer is found again by part of her email, searched in the till's memory of the shop's customers.
  await page.getByRole("button", { name: "New sale" }).click();
  await page.getByRole("button", { name: "Customer", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Customer" });
  await dialog.getByLabel("Find customer").fill("RITA@exam");
  await expect(dialog.getByRole("button", { name: /^Rita Walk-in/ })).toBeVisible();
  await shootAllSizes(page, SHOTS, "pos-customer-search");
  await dialog.getByLabel("Find customer").fill("rita@exam-nobody");
  await expect(dialog.getByText("No customer matches.")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // The manager finds the sale under its customer (the report store keeps each customer's sales).
  await page.getByRole("navigation", { name: "Till" }).getByRole("button", { name: "Manager" }).click();
  await signInAsManager(page);
  await managerScreen(page, "People");
  await managerTab(page, "People", "Customers");
  await page.getByRole("list", { name: "Customer list" }).getByRole("button", { name: "Rita Walk-in" }).click();
  await expect(page.getByRole("list", { name: "Customer's sales and orders" }).getByRole("listitem")).toHaveText([
    new RegExp(`^Sale ${number}.*2,16`),
  ]);
  await till.close();
});

test("a second tab of the till shows the same sales and pushes nothing twice", async ({ browser }) => {
  const till = await openTill(browser, "Two tabs");
  const second = await till.page.context().newPage();
  await second.goto("/pos/");
  await signIn(second);
  await expect(second.getByRole("heading", { name: "Cart" })).toBeVisible();

  const first = await sellOne(till.page, "Spaghetti 500 g");
  const other = await sellOne(second, "Club-Mate");
  expect(other).not.toBe(first);
  // Both tabs read one IndexedDB replica: each sees the other's sale in its refund list.
  await till.page.getByRole("button", { name: "Refund", exact: true }).click();
  await second.getByRole("button", { name: "Refund", exact: true }).click();
  for (const tab of [till.page, second])
    for (const number of [first, other])
      await expect(tab.getByRole("button", { name: new RegExp(number) })).toBeVisible({ timeout: 10_000 });
  await expect(till.page.getByTestId("pending")).toHaveText(/All synced/, { timeout: 30_000 });
  await expect(second.getByTestId("pending")).toHaveText(/other tab/);

  const { deviceId } = await tillOf(second);
  const sales = (await pull<{ registerId: string; number: string }>(second, till.token, "sales")).filter((s) => s.registerId === deviceId);
  expect(sales).toHaveLength(2);
  expect(new Set(sales.map((s) => s.number)).size).toBe(2);
  await till.close();
});

test("when the leading tab closes, the other tab takes over: it counts its offline sale at once and syncs it", async ({ browser }) => {
  const till = await openTill(browser, "Handover");
  const context = till.page.context();
  const second = await context.newPage();
  await second.goto("/pos/");
  await signIn(second);
  await expect(second.getByTestId("pending")).toHaveText(/other tab/);
  await till.page.close();
  await context.setOffline(true);
  const number = await sellOne(second, "Club-Mate");
  await expect(second.getByTestId("pending")).toHaveText("1 sale waiting to sync", { timeout: 1000 });
  await context.setOffline(false);
  await expect(second.getByTestId("pending")).toHaveText(/All synced/, { timeout: 30_000 });
  const sales = await pull<{ number: string }>(second, till.token, "sales");
  expect(sales.filter((s) => s.number === number)).toHaveLength(1);
  await context.close();
});
