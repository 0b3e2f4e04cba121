import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { test } from "./support/test";
import { lastMailTo, linkIn } from "./support/mail";
import { SHOTS } from "./support/shots";

/*
 * The shop as a first-time shopper finds it, on a 390×844 phone and a 1280×800 laptop: products in
 * the first screen, even picture boxes, a home page that says where and when, product pages with
 * quantities and variant prices, a cart that never asks for more than is left, an order page with
 * pickup instructions that follows the order for a guest, emails, and icons that install.
 */

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

type Doc = Record<string, unknown> & { id: string };

async function managerToken(request: APIRequestContext): Promise<string> {
  const login = await request.post("/api/v1/auth/login", { data: { email: "manager@demo.test", password: "demo-manager" } });
  return ((await login.json()) as { token: string }).token;
}

async function pullAs(request: APIRequestContext, token: string, collection: string): Promise<Doc[]> {
  const res = await request.get(`/sync/v1/${collection}/pull?limit=1000`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { documents: Doc[] }).documents;
}

async function push(request: APIRequestContext, token: string, collection: string, rows: unknown[]) {
  const res = await request.post(`/sync/v1/${collection}/push`, {
    headers: { authorization: `Bearer ${token}`, "x-countertop-detail": "1" },
    data: rows,
  });
  const body = (await res.json()) as { refused: unknown[] };
  expect(body.refused).toEqual([]);
}

/** Sets a variant's stock at the shop's location with a manager's count. */
async function countStock(request: APIRequestContext, token: string, variantId: string, onHand: number) {
  const level = (await pullAs(request, token, "stock_levels")).find((l) => l.variantId === variantId)!;
  await push(request, token, "stock_movements", [
    {
      newDocumentState: {
        id: crypto.randomUUID(),
        locationId: level.locationId,
        variantId,
        delta: onHand - (level.onHand as number),
        countedQty: onHand,
        reason: "count",
        occurredAt: new Date().toISOString(),
        _deleted: false,
      },
    },
  ]);
}

async function openShop(page: Page) {
  await page.goto("/shop/demo/");
  await expect(page.getByRole("heading", { name: "Corner Pantry", level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".product-card").first()).toBeVisible();
}

test("on a phone the first screen has products, filters fold away, and every picture box is the same shape", async ({ page, request }) => {
  // A product the manager added without a picture gets a neat placeholder of the same size.
  const token = await managerToken(request);
  const model = (await pullAs(request, token, "products")).find((p) => p.name === "Club-Mate")!;
  const variant = (model.variants as Doc[])[0]!;
  await push(request, token, "products", [
    {
      newDocumentState: {
        ...model,
        id: crypto.randomUUID(),
        name: "Apricot Jam (homemade)",
        images: [],
        variants: [{ ...variant, id: crypto.randomUUID(), sku: `JAM-${Date.now()}`, barcode: undefined, trackStock: false }],
        updatedAt: new Date().toISOString(),
      },
    },
  ]);

  await page.setViewportSize(PHONE);
  await openShop(page);
  await expect(page.getByText("Apricot Jam (homemade)")).toBeVisible();
  // Products start in the first screen: the first card's picture and name are above the fold.
  const first = await page.locator(".product-card").first().boundingBox();
  expect(first!.y + first!.height).toBeLessThan(PHONE.height);
  // The categories are one row that scrolls sideways, and the filters are folded away.
  const chips = await page.getByRole("navigation", { name: "Categories" }).boundingBox();
  expect(chips!.height).toBeLessThan(60);
  await expect(page.getByLabel(/Max price/)).toBeHidden();
  // The home page says who, when and where.
  await expect(page.locator(".tagline")).toBeVisible();
  await expect(page.locator(".visit-line")).toContainText("Lindenstraße 12, 10969 Berlin");
  await page.screenshot({ path: `${SHOTS}/shop-home-first-screen-phone.png` });

  // Every card's picture box is 4:3, the picture fills it, and nothing spills out of the card.
  const boxes = await page.locator(".product-card .image-box").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const img = el.querySelector("img");
      return { ratio: r.width / r.height, fit: img ? getComputedStyle(img).objectFit : "placeholder" };
    }),
  );
  for (const box of boxes) {
    expect(box.ratio).toBeCloseTo(4 / 3, 1);
    expect(["cover", "placeholder"]).toContain(box.fit);
  }
  expect(boxes.filter((b) => b.fit === "placeholder")).toHaveLength(1);
  const spill = await page
    .locator(".product-card")
    .evaluateAll((cards) => cards.filter((c) => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1).length);
  expect(spill).toBe(0);
  const jam = page.getByRole("link", { name: /Apricot Jam/ });
  await jam.scrollIntoViewIfNeeded();
  await jam.screenshot({ path: `${SHOTS}/shop-placeholder-card-phone.png` });

  await page.getByRole("button", { name: "Filters" }).click();
  await expect(page.getByLabel(/Max price/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/shop-filters-phone.png` });

  // The footer: address and opening hours.
  const footer = page.locator("footer");
  await expect(footer).toContainText("Opening hours");
  await expect(footer).toContainText("7:30 – 19:00");
  await footer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/shop-footer-phone.png` });

  await page.setViewportSize(LAPTOP);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/shop-home-laptop.png` });
});

test("Back from a product page keeps the search and filters; variants show their prices; quantities stop at what is left", async ({
  page,
  request,
}) => {
  const token = await managerToken(request);
  const mozzarella = ((await pullAs(request, token, "products")).find((p) => p.name === "Buffalo Mozzarella 125 g")!.variants as Doc[])[0]!;
  await countStock(request, token, mozzarella.id, 2);
  await page.setViewportSize(LAPTOP);
  await openShop(page);
  await page.getByLabel("Search the shop").fill("latte");
  await page.getByRole("button", { name: "Filters" }).click();
  await page.getByLabel(/Max price/).fill("4");
  await page.getByLabel("In stock only").check();
  await page.getByRole("link", { name: /Caffè Latte/ }).click();
  await expect(page.getByRole("heading", { name: "Caffè Latte" })).toBeVisible();
  // Each size says its price.
  const choices = page.getByRole("group", { name: "Choose" });
  const labels = await choices.locator("label").allInnerTexts();
  expect(labels.length).toBeGreaterThan(1);
  for (const label of labels) expect(label).toMatch(/\d+,\d\d\s€/);
  await expect(page.getByRole("group", { name: "Quantity of Caffè Latte" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/shop-product-variants-laptop.png` });
  await page.getByRole("link", { name: "← Back" }).click();
  await expect(page.getByLabel("Search the shop")).toHaveValue("latte");
  await expect(page.getByLabel(/Max price/)).toHaveValue("4");
  await expect(page.getByLabel("In stock only")).toBeChecked();
  await expect(page.getByRole("link", { name: /Caffè Latte/ })).toBeVisible();

  // "Only 2 left": the quantity stops at 2, and the cart can't take more.
  await page.setViewportSize(PHONE);
  await page.getByLabel("Search the shop").fill("mozzarella");
  await page.getByLabel("In stock only").uncheck();
  await page.getByLabel(/Max price/).fill("");
  await page.getByRole("link", { name: /Buffalo Mozzarella/ }).click();
  await expect(page.getByText("Only 2 left")).toBeVisible();
  const more = page.getByRole("button", { name: "One more Buffalo Mozzarella 125 g" });
  await more.click();
  await expect(more).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/shop-product-phone.png` });
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("2 in your cart.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeDisabled();
  await expect(page.getByText("You have all 2 that are left in your cart.")).toBeVisible();

  // A cart from before the stock fell (8 asked for) says so and offers to reduce.
  await page.evaluate(() => {
    const key = "countertop.shop.demo.cart";
    const items = JSON.parse(localStorage.getItem(key) ?? "[]") as { variantId: string; qty: number }[];
    localStorage.setItem(key, JSON.stringify(items.map((i) => ({ ...i, qty: 8 }))));
  });
  await page.reload();
  await page.getByRole("link", { name: /^Cart/ }).click();
  await expect(page.getByRole("alert")).toContainText("only 2 left");
  await expect(page.getByRole("button", { name: "Checkout" })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/shop-cart-over-phone.png` });
  await page.getByRole("button", { name: "Reduce to what is left" }).click();
  await expect(page.getByRole("group", { name: "Quantity of Buffalo Mozzarella 125 g" }).locator("output")).toHaveText("2");
  await expect(page.getByRole("button", { name: "One more Buffalo Mozzarella 125 g" })).toBeDisabled();
  // Pictures and Remove in the cart.
  await expect(page.locator(".cart-lines .image-box")).toHaveCount(1);
  await page.getByRole("button", { name: "Remove Buffalo Mozzarella 125 g" }).click();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
});

test("a long catalog comes a page at a time, and Back from a product returns to the same page", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openShop(page);
  const cards = page.getByRole("list", { name: "Products" }).getByRole("link");
  await expect(cards).toHaveCount(48);
  const line = page.getByText(/^Showing 48 of \d+$/);
  const total = Number(/of (\d+)/.exec((await line.textContent())!)![1]);
  expect(total).toBeGreaterThan(48);
  const more = page.getByRole("button", { name: `Show ${Math.min(48, total - 48)} more` });
  await more.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/shop-show-more-phone.png` });
  await more.click();
  await expect(cards).toHaveCount(Math.min(96, total));
  // The first new card takes the focus, so a keyboard goes on from where it was.
  await expect(cards.nth(48)).toBeFocused();
  await expect(page).toHaveURL(/[?&]show=96/);
  await page.getByRole("link", { name: /Sourdough Loaf/ }).click();
  await expect(page.getByRole("heading", { name: "Sourdough Loaf" })).toBeVisible();
  await page.getByRole("link", { name: "← Back" }).click();
  await expect(cards).toHaveCount(Math.min(96, total));
  await expect(page.getByRole("link", { name: /Sourdough Loaf/ })).toBeVisible();
  // A new search starts again at its first page.
  await page.getByLabel("Search the shop").fill("o");
  await expect(page).not.toHaveURL(/show=/);
  await expect(cards).toHaveCount(48);
});

test("checkout offers to reduce to what is left; a guest's order page gives pickup instructions and follows the order; emails go out", async ({
  page,
  browser,
  request,
}) => {
  const token = await managerToken(request);
  const products = await pullAs(request, token, "products");
  const mozzarella = (products.find((p) => p.name === "Buffalo Mozzarella 125 g")!.variants as Doc[])[0]!;
  await countStock(request, token, mozzarella.id, 3);

  await page.setViewportSize(PHONE);
  await openShop(page);
  await page.getByRole("link", { name: /Buffalo Mozzarella/ }).click();
  await page.getByRole("button", { name: "One more Buffalo Mozzarella 125 g" }).click();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("link", { name: /^Cart/ }).click();
  await expect(page.locator(".cart-lines img")).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/shop-cart-phone.png` });
  await page.getByRole("button", { name: "Checkout" }).click();
  // Someone buys two at the counter meanwhile.
  await countStock(request, token, mozzarella.id, 1);
  const email = `guest-${Date.now()}@example.test`;
  await page.getByLabel("Email").fill(email);
  await page.getByRole("radio", { name: /Pick up/ }).check();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Place order" }).click();
  const short = page.getByRole("alert").filter({ hasText: "Sold out: Buffalo Mozzarella 125 g" });
  await expect(short).toContainText("you asked for 2, 1 is left");
  await page.screenshot({ path: `${SHOTS}/shop-checkout-short-phone.png` });
  await short.getByRole("button", { name: "Reduce my cart to what is left" }).click();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { name: /Thank you! Order \d+/ })).toBeVisible();
  const number = ((await page.getByRole("heading", { name: /Thank you/ }).textContent()) ?? "").replace(/\D/g, "");
  const pickup = page.getByRole("region", { name: "How to pick it up" });
  await expect(pickup).toContainText("Lindenstraße 12, 10969 Berlin");
  await expect(pickup).toContainText("Come to the counter");
  await expect(page.getByRole("link", { name: "Continue shopping" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/shop-order-phone.png` });

  // The confirmation email, with the link that follows the order.
  const confirmation = await lastMailTo(email);
  expect(confirmation.subject).toBe(`Order ${number} at Corner Pantry: confirmed`);
  expect(confirmation.text).toContain("1 × Buffalo Mozzarella 125 g");
  const link = linkIn(confirmation.text, "/order/");

  // The guest opens the link on another device; the shop marks the order ready; the page follows.
  const other = await browser.newContext({ viewport: LAPTOP, baseURL: new URL(link).origin });
  const guest = await other.newPage();
  await guest.goto(link);
  await expect(guest.getByTestId("order-status")).toHaveText(/Paid/, { timeout: 30_000 });
  const order = (await pullAs(request, token, "orders")).find((o) => o.number === number)!;
  await push(request, token, "orders", [
    { assumedMasterState: order, newDocumentState: { ...order, status: "ready_for_pickup", updatedAt: new Date().toISOString() } },
  ]);
  await expect(guest.getByTestId("order-status")).toHaveText("Ready for pickup", { timeout: 20_000 });
  await expect(guest.getByRole("region", { name: "Ready: come and pick it up" })).toBeVisible();
  await guest.screenshot({ path: `${SHOTS}/shop-order-ready-laptop.png` });
  await expect(page.getByTestId("order-status")).toHaveText("Ready for pickup", { timeout: 20_000 });
  const ready = await lastMailTo(email);
  await expect.poll(async () => (await lastMailTo(email)).subject).toBe(`Order ${number} is ready for pickup`);
  expect(ready.text).toContain("Lindenstraße 12");
  await other.close();
});

test("every icon of every manifest loads as an image, and short names are never cut", async ({ request }) => {
  for (const manifestPath of ["/pos/manifest.webmanifest", "/admin/manifest.webmanifest", "/shop/demo/manifest.webmanifest"]) {
    const res = await request.get(manifestPath);
    expect(res.status(), manifestPath).toBe(200);
    const manifest = (await res.json()) as { short_name: string; icons: { src: string }[] };
    expect(manifest.short_name.length, manifestPath).toBeLessThanOrEqual(12);
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of manifest.icons) {
      const url = new URL(icon.src, new URL(manifestPath, "http://x")).pathname;
      const image = await request.get(url);
      expect(image.status(), url).toBe(200);
      expect(image.headers()["content-type"], url).toMatch(/^image\//);
    }
  }
  expect(((await (await request.get("/shop/demo/manifest.webmanifest")).json()) as { short_name: string }).short_name).toBe("Pantry");
  // The icons the pages link to load as images too.
  for (const shell of ["/pos/", "/shop/demo/", "/admin/"]) {
    const html = await (await request.get(shell)).text();
    const hrefs = [...html.matchAll(/<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length, shell).toBeGreaterThan(0);
    for (const href of hrefs) expect((await request.get(href)).headers()["content-type"], href).toMatch(/^image\//);
  }
});

test.afterEach(async ({ page }, info) => {
  if (info.status !== "passed")
    await page.screenshot({ path: `${SHOTS}/failed-${info.title.slice(0, 40).replace(/\W+/g, "-")}.png` }).catch(() => undefined);
});
