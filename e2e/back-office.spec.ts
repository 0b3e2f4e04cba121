import { expect, type Page } from "@playwright/test";
import { test } from "./support/test";
import { withCheckDigit } from "./support/fake-camera";
import { enterManagerMode, managerScreen, managerTab, outboxEmpty, shootAllSizes, signInAsManager } from "./support/manager";
import { photoPng } from "./support/picture";
import { scan } from "./support/scanner";
import { SHOTS } from "./support/shots";
import { addProduct, newTill, openShift, payCash, pull, registerTill, tillOf } from "./support/till";

/*
 * The manager's back office on a till and on a laptop: a product with a photo and a barcode that a
 * till then sells by scanning; an offline price change that reaches a second till; a transfer between
 * the shop and its storeroom; a count while another till sells; a new cashier signing in on another
 * till. (The 20 000-row catalog import is catalog-import.spec.ts, which runs after every other journey.)
 */

test.use({ viewport: { width: 1280, height: 800 } });

interface ApiProduct {
  readonly id: string;
  readonly name: string;
  readonly images: string[];
  readonly variants: { id: string; sku: string; price: number; barcode?: string }[];
}

async function sellByName(page: Page, name: string): Promise<void> {
  await addProduct(page, name);
  await payCash(page);
}

const level = async (page: Page, token: string, variantId: string, locationId?: string) =>
  (await pull<{ variantId: string; locationId: string; onHand: number }>(page, token, "stock_levels")).find(
    (l) => l.variantId === variantId && (!locationId || l.locationId === locationId),
  )?.onHand;

test("a manager adds a product with a photo and a barcode, receives its stock, and a till sells it by scanning", async ({
  page,
  browser,
}) => {
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
  // Who received it: the manager signed in with her password is one of the shop's people.
  await expect(page.getByRole("table", { name: "Movements" }).getByRole("row").nth(1)).toContainText("Maya Keller");
  // A till keeps the last 90 days of movements (older ones stay on the server): the panel says so.
  await expect(page.getByText("The last 90 days of movements, newest first.")).toBeVisible();
  await shootAllSizes(page, SHOTS, "pos-stock-history");
  await page.getByRole("button", { name: "Leave manager mode" }).click();

  // Another till gets the product and its stock at its next sync, and sells it by scanning.
  const till = await newTill(browser, "Bakery counter");
  await openShift(till.page);
  // Its first sync may still be bringing the catalog in when the drawer opens (on a busy machine): wait until it shows the tart.
  await till.page.getByRole("button", { name: "Bakery", exact: true }).click();
  await expect(till.page.getByRole("button", { name: /^Lemon tart/ })).toBeVisible({ timeout: 30_000 });
  await till.page.getByRole("button", { name: "All", exact: true }).click();
  await scan(till.page, barcode);
  await expect(till.page.locator(".lines li")).toHaveCount(1);
  await expect(till.page.locator(".lines")).toContainText("Lemon tart");
  await payCash(till.page);
  await expect.poll(() => level(page, token, tart.variants[0]!.id), { timeout: 30_000 }).toBe(11);
  await till.close();
});

test("a price change made offline reaches a second till, which sells at the new price with no price_mismatch", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  await registerTill(page, "Price till");
  const { token } = await tillOf(page);
  const second = await newTill(browser, "Second till");
  await openShift(second.page, "5678");
  const mate = (await pull<ApiProduct>(page, token, "products")).find((p) => p.name === "Club-Mate")!;
  const before = mate.variants[0]!.price;

  await enterManagerMode(page);
  await context.setOffline(true);
  await managerScreen(page, "Catalog");
  await page.getByLabel("Search products").fill("Club-Mate");
  await page.getByRole("button", { name: "Club-Mate" }).click();
  await page.getByRole("row", { name: "Variant 1" }).getByLabel("Price").fill("2,95");
  await page.getByRole("button", { name: "Save product" }).click();
  // Offline, the change waits in the outbox and the product shows it as pending; the till still sells at the old price.
  await expect(page.getByRole("button", { name: "Club-Mate" }).getByTestId("pending")).toHaveText("Pending");
  await shootAllSizes(page, SHOTS, "pos-catalog-pending");
  expect((await second.page.request.get("/health")).status()).toBe(200);
  await context.setOffline(false);
  await expect(page.getByRole("button", { name: "Club-Mate" }).getByTestId("pending")).toHaveCount(0, { timeout: 30_000 });
  expect((await pull<ApiProduct>(page, token, "products")).find((p) => p.id === mate.id)!.variants[0]!.price).toBe(295);
  expect(before).not.toBe(295);

  // The second till pulls the new price and sells at it; the server agrees: no price_mismatch.
  await expect
    .poll(
      async () => {
        await second.page.getByLabel("Search products").fill("Club-Mate");
        return second.page
          .getByRole("button", { name: /^Club-Mate/ })
          .first()
          .textContent();
      },
      { timeout: 45_000 },
    )
    .toMatch(/2,95/);
  await second.page.getByLabel("Search products").fill("");
  await sellByName(second.page, "Club-Mate");
  // This journey's sale: the second till's (other journeys share the demo shop and sell Club-Mate too).
  const secondId = (await tillOf(second.page)).deviceId;
  type PulledSale = { id: string; registerId: string; lines: { variantId: string; unitPrice: number }[] };
  const mine = async () =>
    (await pull<PulledSale>(page, token, "sales")).filter(
      (s) => s.registerId === secondId && s.lines.some((l) => l.variantId === mate.variants[0]!.id),
    );
  await expect.poll(async () => (await mine()).length, { timeout: 30_000 }).toBe(1);
  const [sale] = await mine();
  expect(sale!.lines[0]!.unitPrice).toBe(295);
  const items = await pull<{ kind: string; refId: string }>(page, token, "reconciliation");
  expect(items.filter((i) => i.kind === "price_mismatch" && i.refId === sale!.id).map((i) => JSON.stringify(i))).toEqual([]);
  await second.close();
});

test("on a laptop a manager signs in without a till and transfers stock from the storeroom to the shop", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/pos/");
  await page.getByRole("button", { name: /Manage the shop from this computer/ }).click();
  await signInAsManager(page);
  await expect(page.getByRole("navigation", { name: "Till" })).toHaveCount(0);
  const session = await page.evaluate(
    () => (JSON.parse(sessionStorage.getItem("countertop.pos.manager-session") ?? "{}") as { token: string }).token,
  );
  const products = await pull<ApiProduct>(page, session, "products");
  const oats = products.find((p) => p.name.startsWith("Oat Milk"))!.variants[0]!;
  const settings = (await pull<{ locations: { id: string; name: string }[] }>(page, session, "settings"))[0]!;
  const [shop, storeroom] = settings.locations;

  await managerScreen(page, "Stock");
  await page.getByLabel("Location").selectOption({ label: storeroom!.name });
  await managerTab(page, "Stock", "Receive");
  await page.getByLabel("Add a product to receive").fill(oats.sku);
  await page.getByLabel("Add a product to receive").press("Enter");
  await page.getByLabel(/^Quantity of Oat Milk/).fill("10");
  await page.getByRole("button", { name: /^Receive into/ }).click();
  await expect.poll(() => level(page, session, oats.id, storeroom!.id), { timeout: 30_000 }).toBe(10);
  const shopBefore = (await level(page, session, oats.id, shop!.id)) ?? 0;

  await managerTab(page, "Stock", "Transfers");
  await page.getByLabel("Send to").selectOption({ label: shop!.name });
  await page.getByLabel("Add a product to send").fill(oats.sku);
  await page.getByLabel("Add a product to send").press("Enter");
  await page.getByLabel(/^Send quantity of Oat Milk/).fill("6");
  await page.getByRole("button", { name: /^Send to/ }).click();
  const card = page.getByRole("listitem", { name: `Transfer from ${storeroom!.name} to ${shop!.name}` });
  await expect(card.getByTestId("in-transit")).toHaveText("6 in transit");
  await expect.poll(() => level(page, session, oats.id, storeroom!.id), { timeout: 30_000 }).toBe(4);
  await shootAllSizes(page, SHOTS, "pos-stock-transfer-sent");

  // At the shop: 5 arrived, 1 was damaged on the way.
  await page.getByLabel("Location").selectOption({ label: shop!.name });
  await expect(card.getByRole("table", { name: "Receive transfer" })).toBeVisible({ timeout: 30_000 });
  await card.getByLabel(/^Received Oat Milk/).fill("5");
  await card.getByLabel(/^Damaged Oat Milk/).fill("1");
  await shootAllSizes(page, SHOTS, "pos-stock-transfer-receive");
  await card.getByRole("button", { name: "Book arrival" }).click();
  await expect.poll(() => level(page, session, oats.id, shop!.id), { timeout: 30_000 }).toBe(shopBefore + 5);
  await expect(card.getByTestId("in-transit")).toHaveText("Arrived", { timeout: 40_000 });
  expect(await level(page, session, oats.id, storeroom!.id)).toBe(4);

  // Signing out ends the session on this computer; the sign-in comes back, not a till.
  await page.getByRole("button", { name: "Leave manager mode" }).click();
  await expect(page.getByRole("heading", { name: "Manage the shop" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/pos-desk-sign-in-laptop.png` });
});

test("a stock count while another till keeps selling ends at the counted quantity minus the sales made after the count", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await registerTill(page, "Counting till");
  const { token } = await tillOf(page);
  const seller = await newTill(browser, "Selling till");
  await openShift(seller.page, "5678");
  const item = "Sourdough Loaf";
  const variant = (await pull<ApiProduct>(page, token, "products")).find((p) => p.name.startsWith(item))!.variants[0]!;

  // The selling till is offline: one sale before the count, which syncs only after it.
  await seller.page.context().setOffline(true);
  await sellByName(seller.page, item);

  await enterManagerMode(page);
  await managerScreen(page, "Stock");
  await managerTab(page, "Stock", "Count");
  await page.getByLabel("Cycle count of a category").selectOption({ label: "Bakery" });
  await page.getByLabel(`Counted ${item}`).fill("20");
  await shootAllSizes(page, SHOTS, "pos-stock-count");

  // Two more sales after the count was typed, still offline.
  await sellByName(seller.page, item);
  await sellByName(seller.page, item);
  await page.getByRole("button", { name: /^Apply count/ }).click();
  await expect(page.getByRole("table", { name: "Count results" })).toBeVisible();
  await outboxEmpty(page);

  await seller.page.context().setOffline(false);
  await expect.poll(() => level(page, token, variant.id), { timeout: 45_000 }).toBe(18);
  // The manager sees the count, what the server had then, and what moved since.
  await managerScreen(page, "Stock");
  await managerTab(page, "Stock", "Count");
  const row = page.getByRole("row", { name: new RegExp(`^${item}`) });
  await expect(row.getByTestId("moved-since")).toHaveText("-2", { timeout: 45_000 });
  await expect(row.getByTestId("now")).toHaveText("18");
  await shootAllSizes(page, SHOTS, "pos-stock-count-results");
  await seller.close();
});

test("a new cashier is created and signs in on a second till after it syncs; deactivated, they can't", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await registerTill(page, "People till");
  const other = await newTill(browser, "Other till");
  await enterManagerMode(page);
  await managerScreen(page, "People & tills");
  await expect(page.getByRole("list", { name: "People" })).toContainText("Alex Brandt");
  await shootAllSizes(page, SHOTS, "pos-people-staff");
  await page.getByRole("button", { name: "Add a person" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a person" });
  await dialog.getByLabel("Name").fill("Lena Fischer");
  await dialog.getByLabel(/^PIN/).fill("12");
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog.getByRole("alert")).toContainText("4 to 8 digits");
  await dialog.getByLabel(/^PIN/).fill("4711");
  await shootAllSizes(page, SHOTS, "pos-people-add");
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lena Fischer is added" })).toBeVisible();

  await expect(other.page.getByRole("button", { name: /^Lena Fischer/ })).toBeVisible({ timeout: 45_000 });
  await openShift(other.page, "4711", "Lena Fischer");
  await other.page.getByRole("button", { name: "Lock" }).click();

  // Deactivated: gone from every till's lock screen after its next sync.
  await page.getByRole("listitem", { name: "Lena Fischer" }).getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog", { name: "Deactivate Lena Fischer?" }).getByRole("button", { name: "Deactivate" }).click();
  await expect(other.page.getByRole("button", { name: /^Lena Fischer/ })).toHaveCount(0, { timeout: 45_000 });

  await managerTab(page, "People", "Tills");
  await expect(page.getByRole("table", { name: "Tills" })).toContainText("Other till");
  await shootAllSizes(page, SHOTS, "pos-people-tills");
  await managerTab(page, "People", "Customers");
  await shootAllSizes(page, SHOTS, "pos-people-customers");
  await managerScreen(page, "Settings");
  await expect(page.getByTestId("format-example")).toContainText("€");
  await shootAllSizes(page, SHOTS, "pos-settings-shop");
  await managerScreen(page, "Promotions");
  await shootAllSizes(page, SHOTS, "pos-promotions");
  await other.close();
});
