import { expect, type Page } from "@playwright/test";
import { test } from "./support/test";
import { approveAsManager, enterPin, pull, registerTill, takeServiceWorkerControl, tillOf } from "./support/till";
import { mailFilesTo } from "./support/mail";
import { SHOTS } from "./support/shots";
import { scanTyped } from "./support/scanner";

/*
 * The cashier's day on a 1280×800 tablet: a manager registers the till, a cashier signs in with a
 * PIN and sells online, the network goes away, five more sales (a split payment, a scanned item)
 * are rung up and the page is reloaded while offline — and when the network is back the server
 * holds exactly those sales and stock moved by exactly their quantities.
 */

test.use({ viewport: { width: 1280, height: 800 } });

interface ApiProduct {
  name: string;
  variants: { id: string; sku: string; price: number; barcode?: string }[];
}

async function addBySearch(page: Page, name: string) {
  await page.getByLabel("Search products").fill(name);
  await page
    .getByRole("button", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) })
    .first()
    .click();
  await page.getByLabel("Search products").fill("");
}

/** Pays the cart in cash with the exact amount and returns the receipt number. */
async function payCashExact(page: Page): Promise<string> {
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("group", { name: "Cash" }).getByRole("button").first().click();
  return readReceipt(page);
}

async function readReceipt(page: Page): Promise<string> {
  const title = page.locator("#receipt-title");
  // Cash with change shows the change to give first; the receipt follows.
  const done = page.getByRole("button", { name: "Done — show receipt" });
  await expect(title.or(done)).toBeVisible();
  if (await done.isVisible()) {
    await expect(page.getByTestId("change-due")).toBeVisible();
    await done.click();
  }
  await expect(title).toBeVisible();
  // The hidden copy that readied the receipt's fonts while the payment panel was open is gone: one receipt on screen.
  await expect(page.locator(".receipt-warm")).toHaveCount(0);
  await expect(page.locator(".receipt")).toHaveCount(1);
  const number = ((await title.textContent()) ?? "").replace("Receipt ", "").trim();
  return number;
}

async function newSale(page: Page) {
  await page.getByRole("button", { name: "New sale" }).click();
  await expect(page.getByRole("heading", { name: "Cart" })).toBeVisible();
}

/** Records how each IndexedDB write transaction of the page is made durable ("strict": flushed to disk before it completes). */
function recordWriteDurability(): void {
  const seen: { database: string; durability: string }[] = [];
  Object.assign(globalThis, { __writeDurability: seen });
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase["transaction"]>) {
    const made = transaction.apply(this, args);
    if (made.mode === "readwrite") seen.push({ database: this.name, durability: made.durability });
    return made;
  };
}
const writeDurability = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { __writeDurability: { database: string; durability: string }[] }).__writeDurability.splice(0),
  );

test("a cashier sells online and offline, reloads offline, and every sale reaches the server exactly once", async ({ page, context }) => {
  await page.addInitScript(recordWriteDurability);
  await registerTill(page, "Counter 1");

  // The service worker takes control after one reload; from then on the till loads with no network.
  await takeServiceWorkerControl(page);

  const { token, deviceId } = await tillOf(page);
  const products = await pull<ApiProduct>(page, token, "products");
  const variantOf = (name: string) => products.find((p) => p.name === name)!.variants[0]!;
  const levelsBefore = new Map(
    (await pull<{ variantId: string; onHand: number }>(page, token, "stock_levels")).map((l) => [l.variantId, l.onHand]),
  );

  await enterPin(page, "1234");
  await expect(page.getByRole("heading", { name: "Open the drawer" })).toBeVisible();
  await page.getByRole("button", { name: "Open shift" }).click();
  await expect(page.getByRole("heading", { name: "Cart" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/pos-sell.png` });

  const sold = new Map<string, number>();
  const count = (name: string, qty = 1) => sold.set(variantOf(name).id, (sold.get(variantOf(name).id) ?? 0) + qty);
  const numbers: string[] = [];

  // Online: two bottles of milk.
  await addBySearch(page, "Whole Milk 1 l");
  await page.getByRole("button", { name: "One more Whole Milk 1 l" }).click();
  count("Whole Milk 1 l", 2);
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.screenshot({ path: `${SHOTS}/pos-payment.png` });
  await writeDurability(page);
  await page.getByRole("group", { name: "Cash" }).getByRole("button").last().click();
  numbers.push(await readReceipt(page));
  // The sale was flushed to disk before its receipt showed, not only handed to the operating system.
  const salesWrites = (await writeDurability(page)).filter((write) => write.database.endsWith("--sales"));
  expect(salesWrites.length).toBeGreaterThan(0);
  expect(salesWrites.map((write) => write.durability)).toEqual(salesWrites.map(() => "strict"));
  await expect(page.getByTestId("change")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/pos-receipt.png` });
  await newSale(page);

  // Offline from here.
  await context.setOffline(true);
  await expect(page.getByRole("status")).toHaveText("Offline");

  await addBySearch(page, "Spaghetti 500 g");
  count("Spaghetti 500 g");
  numbers.push(await payCashExact(page));
  // The customer wants the receipt by email: it waits in the till's outbox until the network is back.
  const emailTo = `cust-${Date.now()}@example.test`;
  await page.getByRole("button", { name: "Email" }).click();
  await page.getByLabel("Email address").fill(emailTo);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText(`Email to ${emailTo} queued`)).toBeVisible();
  await newSale(page);

  // A keyboard-wedge scan: fast keystrokes and Enter, even with the search box focused.
  const tomatoes = variantOf("Chopped Tomatoes");
  await page.getByLabel("Search products").click();
  await scanTyped(page, tomatoes.barcode!);
  await expect(page.getByLabel("Search products")).toHaveValue("");
  await expect(page.locator(".lines li")).toHaveCount(1);
  count("Chopped Tomatoes");
  numbers.push(await payCashExact(page));
  await newSale(page);

  // Split: 2.00 by card, the rest in cash.
  await addBySearch(page, "Cold Brew Coffee");
  await addBySearch(page, "Club-Mate");
  count("Cold Brew Coffee");
  count("Club-Mate");
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByLabel("Amount").fill("2.00");
  await page.getByLabel("Card reference").fill("TERM-0042");
  await page.getByRole("button", { name: /^Card/ }).click();
  // What is left after the card's 2.00, at the prices the shop has now (another journey may have changed Club-Mate's).
  const due = variantOf("Cold Brew Coffee").price + variantOf("Club-Mate").price - 200;
  await expect(page.getByTestId("amount-due")).toHaveText(new RegExp(`^${Math.floor(due / 100)}[.,]${String(due % 100).padStart(2, "0")}`));
  await page.getByRole("group", { name: "Cash" }).getByRole("button").first().click();
  numbers.push(await readReceipt(page));
  await expect(page.getByTestId("receipt")).toContainText("TERM-0042");
  await newSale(page);

  await addBySearch(page, "Club-Mate");
  count("Club-Mate");
  numbers.push(await payCashExact(page));
  await newSale(page);

  await addBySearch(page, "Whole Milk 1 l");
  count("Whole Milk 1 l");
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("button", { name: /^Card/ }).click();
  numbers.push(await readReceipt(page));
  await newSale(page);

  // Refund one Club-Mate of the split sale, still offline, with a manager's approval.
  const splitNumber = numbers[3]!;
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await page.getByLabel("Receipt number").fill(splitNumber);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("heading", { name: `Refund ${splitNumber}` })).toBeVisible();
  await page.getByRole("button", { name: "Refund one more Club-Mate" }).click();
  await expect(page.getByRole("button", { name: "Refund one more Club-Mate" })).toBeDisabled();
  await page.getByRole("radio", { name: "Cash" }).check();
  await page.screenshot({ path: `${SHOTS}/pos-refund.png` });
  await page.getByRole("button", { name: /^Refund \d/ }).click();
  // The manager picks their name; a wrong PIN is refused, theirs approves this refund.
  await approveAsManager(page, "1234");
  await expect(page.getByText("That PIN is not right.")).toBeVisible();
  await approveAsManager(page, "246810");
  await expect(page.locator("#receipt-title")).toContainText("Refund");
  numbers.push(((await page.locator("#receipt-title").textContent()) ?? "").replace("Refund", "").trim());
  count("Club-Mate", -1);
  await page.getByRole("button", { name: "New sale" }).click();
  // The same line can't be refunded twice.
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await page.getByLabel("Receipt number").fill(splitNumber);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("button", { name: "Refund one more Club-Mate" })).toBeDisabled();
  await page.getByRole("button", { name: "Sell", exact: true }).click();

  await expect(page.getByTestId("pending")).toContainText("waiting to sync");
  await page.getByTestId("pending").click();
  const panel = page.getByRole("region", { name: "Sync details" });
  for (const number of numbers.slice(1)) await expect(panel).toContainText(number);
  await panel.getByRole("button", { name: "Close" }).click();

  // Reload with no network: the till comes back from its service worker and its replica.
  await page.reload();
  await enterPin(page, "5678");
  await expect(page.getByRole("heading", { name: "Cart" })).toBeVisible();
  await expect(page.getByTestId("pending")).toContainText("waiting to sync");

  // Back online: everything syncs.
  await context.setOffline(false);
  await expect(page.getByTestId("pending")).toHaveText(/All synced/, { timeout: 30_000 });

  // The queued receipt email went out once the sale had synced (the server's file transport writes .eml files).
  await expect.poll(async () => (await mailFilesTo(emailTo)).length, { timeout: 45_000 }).toBe(1);

  // This till's sales: other journeys' tills sell in the same shop.
  const sales = (
    await pull<{
      number: string;
      kind: string;
      total: number;
      shiftId: string;
      discountTotal: number;
      taxTotal: number;
      registerId: string;
    }>(page, token, "sales")
  ).filter((s) => s.registerId === deviceId);
  expect(sales.map((s) => s.number).sort()).toEqual([...numbers].sort());
  expect(new Set(numbers).size).toBe(7);
  const levelsAfter = new Map(
    (await pull<{ variantId: string; onHand: number }>(page, token, "stock_levels")).map((l) => [l.variantId, l.onHand]),
  );
  for (const [variantId, qty] of sold)
    expect({ variantId, onHand: levelsAfter.get(variantId) }).toEqual({ variantId, onHand: levelsBefore.get(variantId)! - qty });
  const untouched = [...levelsBefore].filter(([id]) => !sold.has(id));
  for (const [id, before] of untouched) expect(levelsAfter.get(id)).toBe(before);

  // Close the shift: the Z-report's figures are the sums of this shift's sales and refunds.
  await page.getByRole("button", { name: "Shift & drawer" }).click();
  await page.getByLabel("Movement amount").fill("5.00");
  await page.getByLabel("Movement reason").fill("Milk for the staff room");
  await page.getByRole("button", { name: "Record" }).click();
  await page.getByLabel("Count of 50,00 €").fill("2");
  await page.getByLabel("Count of 10,00 €").fill("1");
  await page.getByRole("button", { name: "Close shift" }).click();
  // The count doesn't match the drawer: the till shows by how much before it closes.
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Close with/ })
    .click();
  await expect(page.getByText("Z-report")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/pos-z-report.png` });
  const euro = (minor: number) => new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(minor / 100);
  const ofShift = sales.filter((s) => s.shiftId === sales.find((x) => x.number === numbers[0])!.shiftId);
  const sum = (kind: string, field: "total" | "discountTotal" | "taxTotal") =>
    ofShift.filter((s) => s.kind === kind).reduce((n, s) => n + s[field], 0);
  await expect(page.getByTestId("z-sale-count")).toHaveText(String(ofShift.filter((s) => s.kind === "sale").length));
  await expect(page.getByTestId("z-gross")).toHaveText(euro(sum("sale", "total")));
  await expect(page.getByTestId("z-refunds")).toHaveText(euro(sum("refund", "total")));
  await expect(page.getByTestId("z-net")).toHaveText(euro(sum("sale", "total") - sum("refund", "total")));
  await expect(page.getByTestId("z-tax")).toHaveText(euro(sum("sale", "taxTotal") - sum("refund", "taxTotal")));
  await expect(page.getByTestId("z-counted")).toHaveText(euro(11000));
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("heading", { name: "Who is signing in?" })).toBeVisible();
});

test.afterEach(async ({ page }, info) => {
  if (info.status !== "passed")
    await page.screenshot({ path: `${SHOTS}/failed-${info.title.slice(0, 40).replace(/\W+/g, "-")}.png` }).catch(() => undefined);
});
