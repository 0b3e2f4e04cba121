import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { test } from "./support/test";
import { firstLoadScripts } from "./support/first-load";
import { lastMailTo, linkIn } from "./support/mail";
import { takeServiceWorkerControl } from "./support/till";
import { SHOTS } from "./support/shots";

/*
 * A shopper on the demo shop: browse, add to the cart, go offline and keep browsing (and reload),
 * come back online, create an account, check out with the test card, and follow the order's status
 * as the shop changes it. Screenshots at phone and desktop sizes.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

async function shoot(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SHOTS}/shop-${name}-phone.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `${SHOTS}/shop-${name}-desktop.png`, fullPage: true });
}

type Doc = Record<string, unknown> & { id: string };

/** The manager's token and the shop's orders, as the back office reads them. */
async function shopOrders(
  request: APIRequestContext,
): Promise<{ token: string; orders: (Doc & { number: string; email: string; status: string })[] }> {
  const login = await request.post("/api/v1/auth/login", { data: { email: "manager@demo.test", password: "demo-manager" } });
  const token = ((await login.json()) as { token: string }).token;
  const pulled = (await (
    await request.get("/sync/v1/orders/pull?limit=1000", { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { documents: never[] };
  return { token, orders: pulled.documents };
}

test("a shopper browses offline, keeps the cart across an offline reload, checks out online and follows the order live", async ({
  page,
  context,
  request,
}) => {
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
  // Every product picture (a product without one shows a placeholder and has none to cache), as the
  // page's catalog lists them: the home page shows only the first of them.
  const served = await (await request.get("/shop/demo/")).text();
  const snapshot = /<script type="application\/json" id="shop-snapshot">([^<]*)<\/script>/.exec(served)![1]!;
  const products = (JSON.parse(snapshot) as { products: { images: string[] }[] }).products.filter((p) => p.images.length > 0).length;
  expect(products).toBeGreaterThan(48);

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

  // Every product picture is fetched into the image cache while the shopper browses.
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open("shop-images")).keys()).length), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(products);

  // Offline: the catalog and product pages still browse, with their pictures; a reload keeps the cart.
  await context.setOffline(true);
  await page.getByRole("link", { name: "Corner Pantry" }).click();
  await expect(page.getByText("You're offline")).toBeVisible();
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Bakery" }).click();
  await page.getByRole("link", { name: /Sourdough Loaf/ }).click();
  await expect(page.getByRole("heading", { name: "Sourdough Loaf" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sourdough Loaf" })).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => page.getByRole("img", { name: "Sourdough Loaf" }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(page.getByRole("link", { name: "Cart (2)" })).toBeVisible();
  await page.getByRole("link", { name: "Cart (2)" }).click();
  await expect(page.getByText("Checkout needs a connection. Your cart is saved on this device.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Checkout" })).toBeDisabled();

  await context.setOffline(false);
  await expect(page.getByRole("button", { name: "Checkout" })).toBeEnabled();
  await shoot(page, "cart");

  // An account, to follow the order: the cart stays as it was.
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill("Ana Shopper");
  await page.getByLabel("Email").fill("ana@example.test");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible(); // the browser asks for 8+ characters
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  // The shop emails a link that finishes the account (the answer never says whether the email had one).
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const welcome = await lastMailTo("ana@example.test");
  expect(welcome.subject).toBe("Confirm your account at Corner Pantry");
  await page.goto(linkIn(welcome.text, "confirm="));
  await expect(page.getByRole("heading", { name: "Hello, Ana Shopper" })).toBeVisible();
  await expect(page.getByText("No orders yet.")).toBeVisible();
  await page.getByRole("button", { name: "Add an address" }).click();
  const form = page.getByRole("form", { name: "New address" });
  await form.getByLabel("Street and number").fill("12 Harbour Road");
  await form.getByLabel("Postal code").fill("20457");
  await form.getByLabel("City").fill("Hamburg");
  await form.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByText("Address saved.")).toBeVisible();
  await expect(page.getByText("Ana Shopper, 12 Harbour Road, 20457 Hamburg, DE")).toBeVisible();
  // The profile edit went to the shop through sync.
  await expect
    .poll(async () => {
      const { token } = await shopOrders(request);
      const customers = (await (
        await request.get("/sync/v1/customers/pull?limit=1000", { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { documents: { email?: string; addresses: { city: string }[] }[] };
      return customers.documents.find((c) => c.email === "ana@example.test")?.addresses.map((x) => x.city);
    })
    .toEqual(["Hamburg"]);
  await page.getByRole("link", { name: "Cart (2)" }).click();
  await page.getByRole("button", { name: "Checkout" }).click();
  await expect(page.getByLabel("Email")).toHaveValue("ana@example.test");
  await page.getByRole("radio", { name: /Pick up/ }).check();
  await page.getByRole("radio", { name: "Card" }).check();
  await page.getByLabel("Card number").fill("4000 0000 0000 0002");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("alert")).toContainText("declined");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  // The shop's line drops while the browser still says online: the order gets no answer, and the
  // page finds out it is offline and says so once (no error beside it). Back, checkout is on again.
  const unreachable = /\/checkout$|\/health$/;
  await page.route(unreachable, (route) => route.abort("internetdisconnected"));
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText("You're offline")).toBeVisible();
  await expect(page.getByText("Checkout needs a connection. Your cart is saved on this device.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Place order" })).toBeDisabled();
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  await page.unroute(unreachable);
  await expect(page.getByRole("button", { name: "Place order" })).toBeEnabled({ timeout: 10_000 });
  await shoot(page, "checkout");
  await page.getByRole("button", { name: "Place order" }).dblclick();
  await expect(page.getByRole("heading", { name: /Thank you! Order \d+/ })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText(/Paid/);
  await shoot(page, "order");
  const number = ((await page.getByRole("heading", { name: /Thank you/ }).textContent()) ?? "").replace(/\D/g, "");

  // The shop has exactly one such order (a double-clicked "Place order" makes one).
  const { token, orders } = await shopOrders(request);
  const mine = orders.filter((o) => o.email === "ana@example.test");
  expect(mine).toHaveLength(1);
  expect(mine[0]!.number).toBe(number);

  // The order is in the account; the shop marks it ready through the API, and the page shows it without a reload.
  await page.getByRole("link", { name: "Account", exact: true }).click();
  const history = page.getByTestId("account-orders");
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText(`Order ${number}`);
  await expect(history).toContainText("Paid");
  await shoot(page, "account");
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  const order = mine[0]!;
  const ready = { ...order, status: "ready_for_pickup", updatedAt: new Date().toISOString() };
  const push = await request.post("/sync/v1/orders/push", {
    headers: { authorization: `Bearer ${token}` },
    data: [{ assumedMasterState: order, newDocumentState: ready }],
  });
  expect(await push.json()).toEqual([]);
  await expect(history).toContainText("Ready for pickup", { timeout: 15_000 });
  await history.getByRole("link", { name: `Order ${number}` }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Ready for pickup");
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // Signing out removes the account's orders from this browser; signing in brings them back.
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill("ana@example.test");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("Email or password is wrong.");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("account-orders")).toContainText("Ready for pickup");
});

test("the first products paint from the page the server sent, before the replica has loaded, and the replica then takes over", async ({
  page,
}) => {
  // The first load waits until the shopper has typed; every other script (the replica's RxDB and
  // Dexie among them) until released.
  const firstLoad = new Set(firstLoadScripts().map((s) => `/shop/${s.file}`));
  const held: string[] = [];
  let start!: () => void;
  const started = new Promise<void>((resolve) => (start = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/shop/_app/*.js", async (route) => {
    const pathname = new URL(route.request().url()).pathname;
    if (!firstLoad.has(pathname)) {
      held.push(pathname);
      await released;
    } else await started;
    await route.continue();
  });
  await page.setViewportSize(DESKTOP);
  await page.goto("/shop/demo/", { waitUntil: "commit" });
  await expect(page.getByRole("link", { name: /Club-Mate/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Corner Pantry" })).toBeVisible();
  // The shopper starts a search in the served page before its app has started: the app keeps it, focus and all.
  const search = page.getByRole("searchbox", { name: "Search the shop" });
  await search.fill("club");
  start();
  await expect(page.getByRole("list", { name: "Products" }).getByRole("link")).toHaveCount(1);
  await expect(search).toHaveValue("club");
  await expect(search).toBeFocused();
  await search.press("End");
  await search.pressSequentially("-m");
  await expect(page.getByRole("list", { name: "Products" }).getByRole("link")).toHaveCount(1);
  await expect(page).toHaveURL(/[?&]q=club-m/);
  // The app runs on the page's catalog: it searches, and opens a product with its stock.
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await page.getByRole("link", { name: /Club-Mate/ }).click();
  await expect(page.getByRole("heading", { name: "Club-Mate" })).toBeVisible();
  await expect(page.getByText("In stock")).toBeVisible();
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContainEqual(
    expect.stringContaining("countertop-shop-demo"),
  );
  // Released, the replica opens and syncs, and the page keeps showing the shop.
  release();
  await expect
    .poll(
      async () =>
        (await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ""))).some((n) =>
          n.includes("countertop-shop-demo"),
        ),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  await page.getByRole("link", { name: "Corner Pantry" }).click();
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Bakery" }).click();
  await expect(page.getByRole("link", { name: /Sourdough Loaf/ })).toBeVisible();
});

test("the shop's pages read without JavaScript: products, a product page, its title for link previews", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await page.goto("/shop/demo/");
  await expect(page.getByRole("heading", { name: "Corner Pantry" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Club-Mate/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/shop-home-no-script-phone.png` });
  // The next page is a link without scripts: the server sends the longer list.
  const cards = page.getByRole("list", { name: "Products" }).getByRole("link");
  await expect(cards).toHaveCount(48);
  const more = page.getByRole("link", { name: /^Show \d+ more$/ });
  await more.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/shop-show-more-no-script-phone.png` });
  await more.click();
  await expect(page).toHaveURL(/[?&]show=96/);
  expect(await cards.count()).toBeGreaterThan(48);
  await expect(page.getByRole("link", { name: /^Show \d+ more$/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Club-Mate/ }).click();
  await expect(page.getByRole("heading", { name: "Club-Mate" })).toBeVisible();
  await expect(page).toHaveTitle("Club-Mate · Corner Pantry");
  await page.screenshot({ path: `${SHOTS}/shop-product-no-script-phone.png` });
  expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe("Club-Mate · Corner Pantry");
  await context.close();
});
