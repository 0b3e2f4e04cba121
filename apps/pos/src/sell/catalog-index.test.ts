import type { Product } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { byName, indexCatalog } from "./catalog-index";

const product = (id: string, name: string, sku: string, extra: Partial<Product> = {}): Product => ({
  ...examples.products,
  id,
  name,
  categoryId: undefined,
  variants: [{ id: `${id}-v`, sku, barcode: `400${id}`, title: "Each", price: 100, trackStock: false }],
  ...extra,
});

const tea = product("1", "Green tea", "TEA-GRN", { categoryId: "drinks" });
const bread = product("2", "Rye bread", "BRD-RYE");
const jam = product("3", "Apricot jam", "JAM-APR", { categoryId: "drinks" });

describe("the sell screen's catalog index", () => {
  it("finds products by any part of their name, SKU or barcode, in any case, and hands back the products themselves", () => {
    const index = indexCatalog([jam, tea, bread]);
    expect(index.filter("TEA", undefined)).toEqual([tea]);
    expect(index.filter("brd-", undefined)).toEqual([bread]);
    expect(index.filter("4003", undefined)).toEqual([jam]);
    expect(index.filter("  rye ", undefined)[0]).toBe(bread);
    expect(index.filter("coffee", undefined)).toEqual([]);
  });

  it("narrows to a category, and shows everything for no search and no category", () => {
    const index = indexCatalog([jam, tea, bread]);
    expect(index.filter("", "drinks")).toEqual([jam, tea]);
    expect(index.filter("a", "drinks")).toEqual([jam, tea]);
    expect(index.filter("jam", "drinks")).toEqual([jam]);
    expect(index.filter("", undefined)).toBe(index.products);
  });

  it("narrows the last answer as a search grows, and widens again when it shrinks or the category changes", () => {
    const index = indexCatalog([jam, tea, bread]);
    const a = index.filter("a", undefined);
    expect(a).toEqual([jam, tea, bread]);
    expect(a).toBe(index.products);
    expect(index.filter("ap", undefined)).toEqual([jam]);
    expect(index.filter("apr", undefined)).toEqual([jam]);
    expect(index.filter("r", undefined)).toEqual([jam, tea, bread]);
    expect(index.filter("re", undefined)).toEqual([tea, bread]);
    expect(index.filter("re", "drinks")).toEqual([tea]);
    expect(index.filter("r", "drinks")).toEqual([jam, tea]);
    expect(index.filter("rye", undefined)).toEqual([bread]);
    // The same text in another category, after an answer that filtered nothing out.
    expect(index.filter("a", undefined)).toBe(index.products);
    expect(index.filter("a", "drinks")).toEqual([jam, tea]);
    const again = index.filter("rye", undefined);
    expect(index.filter("rye", undefined)).toBe(again);
  });

  it("looks variants up by barcode and by lower-cased SKU", () => {
    const index = indexCatalog([tea]);
    expect(index.byCode.get("4001")).toEqual({ product: tea, variantId: "1-v" });
    expect(index.byCode.get("tea-grn")).toEqual({ product: tea, variantId: "1-v" });
    expect(index.byCode.get("TEA-GRN")).toBeUndefined();
  });

  it("orders by name as the replica's index does, then by id", () => {
    const twin = product("0", "Rye bread", "BRD-RYE-2");
    expect([tea, bread, jam, twin].sort(byName)).toEqual([jam, tea, twin, bread]);
  });
});
