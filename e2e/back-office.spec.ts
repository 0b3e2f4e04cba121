import { expect, test, type Browser, type Page } from "@playwright/test";
import { withCheckDigit } from "./support/fake-camera";
import { enterManagerMode, managerScreen, managerTab, outboxEmpty, shootAllSizes, signInAsManager } from "./support/manager";
import { photoPng } from "./support/picture";
import { SHOTS } from "./support/shots";
import { enterPin, pull, registerTill, tillOf } from "./support/till";

/*
 * The manager's back office on a till and on a laptop: a product with a photo and a barcode that a
 * till then sells by scanning; an offline price change that reaches a second till; a transfer between
 * the shop and its storeroom; a count while another till sells; a new cashier signing in on another
 * till; a catalog of 20 000 rows imported from CSV.
 */

test.use({ viewport: { width: 1280, height: 800 } });

interface ApiProduct {
  readonly id: string;
  readonly name: string;
  readonly images: string[];
  readonly variants: { id: string; sku: string; price: number; barcode?: string }[];
}

async function newTill(browser: Browser, name: string): Promise<{ page: Page; token: string; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await registerTill(page, name);
  return { page, token: (await tillOf(page)).token, close: () => context.close() };
}

/** A cashier opens the drawer on a till at its lock screen. */
async function openShift(page: Page, pin = "1234", name?: string): Promise<void> {
  await enterPin(page, pin, { timeout: 30_000, ...(name ? { name } : {}) });
  await page.getByRole("button", { name: "Open shift" }).click();
  await expect(page.getByRole("heading", { name: "Cart" })).toBeVisible();
}

/** Sells what is in the cart for exact cash. */
async function payCash(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByRole("group", { name: "Cash" }).getByRole("button").first().click();
  await expect(page.locator("#receipt-title")).toBeVisible();
  await page.getByRole("button", { name: "New sale" }).click();
}

async function sellByName(page: Page, name: string): Promise<void> {
  await page.getByLabel("Search products").fill(name);
  await page.getByRole("button", { name: new RegExp(`^${name}`) }).first().click();
  await page.getByLabel("Search products").fill("");
  await payCash(page);
}

const level = async (page: Page, token: string, variantId: string, locationId?: string) =>
  (await pull<{ variantId: string; locationId: string; onHand: number }>(page, token, "stock_levels")).find(
    (l) => l.variantId === variantId && (!locationId || l.locationId === locationId),
  )?.onHand;

test("a manager adds a product with a photo and a barcode, receives its stock, and a till sells it by scanning", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await registerTill(page, "Back office till");
  const { token } = await tillOf(page);
  await enterManagerMode(page);
  await shootAllSizes(page, SHOTS, "pos-manager-overview");

  await managerScreen(page, "Catalog");
  await expect(page.getByRole("list", { name: "Products" })).toContainText("Club-Mate");
  await shootAllSizes(page, SHOTS, "pos-catalog-products");
  await page.getByRole("button", { name: "New product" }).click();
  const barcode = withCheckDigit("200000004711");
  await page.getByLabel("Name", { exact: true }).fill("Lemon tart");
  await page.getByLabel("Status").selectOption("active");
  await page.getByLabel("Category").selectOption({ label: "Bakery" });
  await page.getByLabel("Description").fill("Shortcrust, lemon curd, torched meringue.");
  const variant = page.getByRole("row", { name: "Variant 1" });
  await variant.getByLabel("Variant").fill("Slice");
  await variant.getByLabel("SKU").fill("TART-LEMON");
  await variant.getByLabel("Price").fill("3,90");
  await variant.getByLabel("Cost").fill("1,20");
  // A barcode with a wrong check digit is caught before saving, with the right digit named.
  const wrong = `${barcode.slice(0, 12)}${(Number(barcode[12]) + 1) % 10}`;
  await variant.getByLabel("Barcode").fill(wrong);
  await page.getByLabel("Add a photo").setInputFiles({ name: "tart.png", mimeType: "image/png", buffer: photoPng() });
  await expect(page.getByRole("list", { name: "Photos" }).getByRole("img")).toHaveCount(1);
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(variant).toContainText(`it should end in ${barcode[12]}`);
  await shootAllSizes(page, SHOTS, "pos-catalog-editor");
  await variant.getByLabel("Barcode").fill(barcode);
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page.getByRole("list", { name: "Products" })).toContainText("Lemon tart");

  await expect
    .poll(async () => (await pull<ApiProduct>(page, token, "products")).find((p) => p.name === "Lemon tart"), { timeout: 30_000 })
    .toBeTruthy();
  const tart = (await pull<ApiProduct>(page, token, "products")).find((p) => p.name === "Lemon tart")!;
  expect(tart.variants[0]).toMatchObject({ sku: "TART-LEMON", barcode, price: 390 });
  // The photo went to the server's store, resized on the till, and is served immutable.
  expect(tart.images[0]).toMatch(/^\/media\/[0-9a-f-]{36}\/[0-9a-f]{64}\.jpg$/);
  const photo = await page.request.get(tart.images[0]!);
  expect(photo.status()).toBe(200);
  expect(photo.headers()["cache-control"]).toContain("immutable");

  // Goods in: 12 from the bakery, found by scanning the barcode into the picker.
  await managerScreen(page, "Stock");
  await managerTab(page, "Stock", "Receive");
  await page.getByLabel("Supplier (optional)").fill("Bäckerei Ost");
  await page.getByLabel("Delivery note or invoice (optional)").fill("LS-2291");
  await page.getByLabel("Add a product to receive").fill(barcode);
  await page.getByLabel("Add a product to receive").press("Enter");
  await page.getByLabel("Quantity of Lemon tart").fill("12");
  await shootAllSizes(page, SHOTS, "pos-stock-receive");
  await page.getByRole("button", { name: /^Receive into/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Received 1 line" })).toContainText("from Bäckerei Ost");
  await expect.poll(() => level(page, token, tart.variants[0]!.id), { timeout: 30_000 }).toBe(12);
  await managerTab(page, "Stock", "Levels");
  await page.getByLabel("Search stock").fill("Lemon");
  await expect(page.getByRole("row", { name: "Lemon tart" }).getByTestId("on-hand")).toHaveText("12", { timeout: 30_000 });
  await page.getByLabel("Search stock").fill("");
  await shootAllSizes(page, SHOTS, "pos-stock-levels");
  await page.getByRole("row", { name: "Lemon tart" }).getByRole("button", { name: "History" }).click();
  // Movements reach this till with its next pull of them.
  await expect(page.getByRole("table", { name: "Movements" })).toContainText("Received from Bäckerei Ost · LS-2291", { timeout: 40_000 });
  await shootAllSizes(page, SHOTS, "pos-stock-history");
  await page.getByRole("button", { name: "Leave manager mode" }).click();

  // Another till gets the product and its stock at its next sync, and sells it by scanning.
  const till = await newTill(browser, "Bakery counter");
  await openShift(till.page);
  await till.page.getByLabel("Search products").click();
  await till.page.keyboard.type(barcode, { delay: 5 });
  await till.page.keyboard.press("Enter");
  await expect(till.page.locator(".lines li")).toHaveCount(1);
  await expect(till.page.locator(".lines")).toContainText("Lemon tart");
  await payCash(till.page);
  await expect.poll(() => level(page, token, tart.variants[0]!.id), { timeout: 30_000 }).toBe(11);
  await till.close();
});
