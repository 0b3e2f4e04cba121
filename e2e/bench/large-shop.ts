import type { Browser } from "@playwright/test";
import type { BenchServer } from "./bench-server";

/*
 * `large_shop_search_ms` of bench:storefront: a shop grown past what its served page carries (the
 * first 400 products by name), and a search for a product past those typed on a cold first visit.
 */

/** Products added to the demo shop, and the cold visits timed. */
const LARGE_SHOP_PRODUCTS = 20_000;
export const SEARCH_RUNS = 5;

/**
 * Adds LARGE_SHOP_PRODUCTS products to the `shop` ("Bulk Item 00001"…, copies of its Club-Mate), as
 * the demo shop's manager; answers how many.
 */
export async function growTheShop(call: BenchServer["call"], shop: string): Promise<number> {
  const { token } = (await call("POST", "/api/v1/auth/login", undefined, { email: "manager@demo.test", password: "demo-manager" })) as {
    token: string;
  };
  const page = (await call("GET", "/sync/v1/products/pull?seq=0&limit=1000", token)) as { documents: Record<string, unknown>[] };
  const model = page.documents.find((d) => d.name === "Club-Mate");
  if (!model) throw new Error(`the ${shop} shop has no Club-Mate to copy`);
  const variant = (model.variants as Record<string, unknown>[])[0]!;
  const now = new Date().toISOString();
  for (let from = 0; from < LARGE_SHOP_PRODUCTS; from += 500) {
    const rows = Array.from({ length: Math.min(500, LARGE_SHOP_PRODUCTS - from) }, (_, i) => {
      const n = String(from + i + 1).padStart(5, "0");
      const doc = { ...model, id: crypto.randomUUID(), name: `Bulk Item ${n}`, description: "Plain stock.", updatedAt: now };
      return { newDocumentState: { ...doc, variants: [{ ...variant, id: crypto.randomUUID(), sku: `BULK-${n}`, barcode: undefined }] } };
    });
    const conflicts = (await call("POST", "/sync/v1/products/push", token, rows)) as unknown[];
    if (conflicts.length > 0) throw new Error(`pushing the large shop's products: ${JSON.stringify(conflicts[0])}`);
  }
  return LARGE_SHOP_PRODUCTS;
}

/** One cold first visit at a phone's size: ms from typing a search for a product past the page's first 400 to its card. */
export async function searchLargeShopMs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator(".product-card").first().waitFor();
    // The app's own box: the served page's (in a plain form) is replaced when the app starts.
    const search = page.locator("div.toolbar").getByRole("searchbox", { name: "Search the shop" });
    await search.pressSequentially("Still Wate");
    const started = performance.now();
    await search.press("r");
    await page
      .getByRole("link", { name: /Still Water/ })
      .first()
      .waitFor({ timeout: 30_000 });
    return Math.round(performance.now() - started);
  } finally {
    await context.close();
  }
}
