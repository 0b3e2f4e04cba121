import type { Product, ShopSnapshot, StockLevel } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { addFound, foundInPage, NOTHING_FOUND, scopeKey, withFound } from "./catalog-lookup";
import { shopDataOf } from "./shop-data";

const settings = { ...examples.settings, locations: examples.settings.locations.slice(0, 1) };
const location = settings.locations[0]!.id;
const product = (id: string, name: string): Product => ({
  ...examples.products,
  id,
  name,
  variants: [{ ...examples.products.variants[0]!, id: `${id}-v` }],
});
const level = (variantId: string, onHand: number): StockLevel => ({
  ...examples.stock_levels,
  id: `${variantId}-l`,
  variantId,
  locationId: location,
  onHand,
});
const answer = (products: Product[], levels: StockLevel[], all: boolean): ShopSnapshot => ({
  products,
  stockLevels: levels,
  categories: [],
  settings,
  promotions: [],
  complete: false,
  asked: { all },
});

describe("what the server found while the catalog was partial", () => {
  it("keys a category and search as the catalog matches a search: trimmed, in any case", () => {
    expect(scopeKey("c1", "  Still WATER ")).toBe(scopeKey("c1", "still water"));
    expect(scopeKey(undefined, "")).not.toBe(scopeKey("c1", ""));
  });

  it("reads what the page's own snapshot was asked for", () => {
    expect(foundInPage({ ...answer([], [], true), asked: { q: "water", all: true } }).asked.get(scopeKey(undefined, "Water"))).toBe(true);
    expect(foundInPage({ ...answer([], [], true), asked: undefined }).asked.size).toBe(0);
  });

  it("adds found products to the catalog on hand in name order, with their stock, and keeps the catalog's own copy", () => {
    const data = shopDataOf({
      products: [product("a", "Apple"), product("m", "Mango")],
      categories: [],
      settings,
      promotions: [],
      stockLevels: [level("a-v", 3)],
    });
    let found = addFound(
      NOTHING_FOUND,
      scopeKey(undefined, "water"),
      answer([product("w", "Water"), product("b", "Banana")], [level("w-v", 7)], true),
    );
    found = addFound(found, scopeKey(undefined, "apple"), answer([{ ...product("a", "Apple (old)") }], [level("a-v", 99)], false));
    expect(found.asked).toEqual(
      new Map([
        [scopeKey(undefined, "water"), true],
        [scopeKey(undefined, "apple"), false],
      ]),
    );
    const shown = withFound(data, found);
    expect(shown.products.map((p) => p.name)).toEqual(["Apple", "Banana", "Mango", "Water"]);
    expect(shown.stock.get("w-v")).toBe(7);
    expect(shown.stock.get("a-v")).toBe(3);
    expect(withFound(data, NOTHING_FOUND)).toBe(data);
  });
});
