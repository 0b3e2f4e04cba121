import { SHOP_CATALOG_PAGE, type Product, type ShopSnapshot } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { pageBody } from "./shop-page-body";

/** A shop of `n` products named "Product 0001"…, in the snapshot's order (by name). */
function shopOf(n: number, complete = true): ShopSnapshot {
  const products: Product[] = Array.from({ length: n }, (_, i) => {
    const number = String(i + 1).padStart(4, "0");
    return { ...examples.products, id: `p${number}`, name: `Product ${number}` };
  });
  return { products, categories: [examples.categories], settings: examples.settings, promotions: [], stockLevels: [], complete };
}

const cards = (html: string) => [...html.matchAll(/<a class="product-card" href="\/shop\/demo\/p\/(p\d+)"/g)].map((m) => m[1]);
const home = (shown = SHOP_CATALOG_PAGE, q?: string) => ({ page: "home", shown, q }) as const;

describe("the served catalog page", () => {
  it("shows the first page of cards, how many of how many, and a link to the next page", () => {
    const html = pageBody(shopOf(130), "/shop/demo/", home());
    expect(cards(html)).toEqual(Array.from({ length: SHOP_CATALOG_PAGE }, (_, i) => `p${String(i + 1).padStart(4, "0")}`));
    expect(html).toContain(`Showing ${SHOP_CATALOG_PAGE} of 130`);
    expect(html).toContain(
      `<a class="button-link more-button" href="/shop/demo/?show=${2 * SHOP_CATALOG_PAGE}">Show ${SHOP_CATALOG_PAGE} more</a>`,
    );
  });

  it("shows as many as the address asks for, and on the last page how many are left", () => {
    const html = pageBody(shopOf(130), "/shop/demo/", home(2 * SHOP_CATALOG_PAGE));
    expect(cards(html)).toHaveLength(2 * SHOP_CATALOG_PAGE);
    expect(html).toContain(`Show ${130 - 2 * SHOP_CATALOG_PAGE} more`);
    const all = pageBody(shopOf(130), "/shop/demo/", home(3 * SHOP_CATALOG_PAGE));
    expect(cards(all)).toHaveLength(130);
    expect(all).toContain("Showing 130 of 130");
    expect(all).not.toContain("more-button");
  });

  it("keeps a search in the next page's link, and says nothing of pages when one page holds them all", () => {
    const html = pageBody(shopOf(130), "/shop/demo/", home(SHOP_CATALOG_PAGE, "Product 00"));
    expect(cards(html)).toHaveLength(SHOP_CATALOG_PAGE);
    expect(html).toContain(`href="/shop/demo/?q=Product+00&amp;show=${2 * SHOP_CATALOG_PAGE}"`);
    const small = pageBody(shopOf(12), "/shop/demo/", home());
    expect(cards(small)).toHaveLength(12);
    expect(small).not.toContain('class="more"');
  });

  it("does not claim a total it does not know when the snapshot holds only the catalog's first products", () => {
    const html = pageBody(shopOf(400, false), "/shop/demo/", home());
    expect(html).toContain(`Showing the first ${SHOP_CATALOG_PAGE}`);
    expect(html).not.toContain("of 400");
  });
});
