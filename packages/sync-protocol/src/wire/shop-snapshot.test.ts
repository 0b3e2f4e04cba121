import { describe, expect, it } from "vitest";
import { byName, catalogPageLine, catalogShown, matchesShopSearch, SHOP_CATALOG_PAGE, shopSearchNeedle } from "./shop-snapshot.ts";

describe("a shop search", () => {
  it("is the typed text trimmed and in lower case, and nothing when only spaces were typed", () => {
    expect(shopSearchNeedle("  Still WATER ")).toBe("still water");
    expect(shopSearchNeedle("ÄPFEL")).toBe("äpfel");
    expect(shopSearchNeedle("   ")).toBeUndefined();
    expect(shopSearchNeedle(undefined)).toBeUndefined();
    expect(shopSearchNeedle(null)).toBeUndefined();
  });

  it("finds a product by its name or description in any case, letters beyond ASCII too", () => {
    const apples = { name: "ÄPFEL vom Alten Land", description: "Knackig, aus Jork." };
    expect(matchesShopSearch(apples, shopSearchNeedle("äpfel")!)).toBe(true);
    expect(matchesShopSearch(apples, shopSearchNeedle("JORK")!)).toBe(true);
    expect(matchesShopSearch(apples, shopSearchNeedle("birnen")!)).toBe(false);
    expect(matchesShopSearch({ name: "Still Water" }, "water")).toBe(true);
    expect(matchesShopSearch({ name: "Still Water", description: null }, "null")).toBe(false);
  });
});

describe("a catalog's pages", () => {
  it("asks for whole pages in the address, at least one and at most 40", () => {
    expect(catalogShown(undefined)).toBe(SHOP_CATALOG_PAGE);
    expect(catalogShown("abc")).toBe(SHOP_CATALOG_PAGE);
    expect(catalogShown("50")).toBe(2 * SHOP_CATALOG_PAGE);
    expect(catalogShown("1000000")).toBe(40 * SHOP_CATALOG_PAGE);
  });

  it("says how many are shown, of how many when it knows, and how many more the next page adds", () => {
    expect(catalogPageLine(20, 48, true, "en-GB")).toBeUndefined();
    expect(catalogPageLine(63, 48, true, "en-GB")).toEqual({ text: "Showing 48 of 63", more: "Show 15 more" });
    expect(catalogPageLine(400, 48, false, "en-GB")).toEqual({ text: "Showing the first 48", more: "Show 48 more" });
    expect(catalogPageLine(63, 96, true, "en-GB")).toEqual({ text: "Showing 63 of 63", more: undefined });
  });

  it("orders by name in code units, capitals first, as the replica does", () => {
    expect(
      ["apple", "Banana", "Äpfel"]
        .map((name) => ({ name }))
        .sort(byName)
        .map((p) => p.name),
    ).toEqual(["Banana", "apple", "Äpfel"]);
  });
});
