import type { Product } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { stockOnTile } from "./ProductGrid";

const variant = (id: string, trackStock: boolean) => ({ ...examples.products.variants[0]!, id, sku: id, trackStock });
const product = (...variants: ReturnType<typeof variant>[]): Product => ({ ...examples.products, variants });

describe("the stock a product's tile shows", () => {
  it("adds its tracked variants' units, a variant with no level counting none", () => {
    const levels = new Map([
      ["a", 3],
      ["b", 4],
    ]);
    expect(stockOnTile(product(variant("a", true), variant("b", true), variant("c", false)), levels)).toBe(7);
    expect(stockOnTile(product(variant("d", true)), levels)).toBe(0);
  });

  it("shows nothing while the levels are still being read, or when no variant is tracked", () => {
    expect(stockOnTile(product(variant("a", true)), undefined)).toBeUndefined();
    expect(stockOnTile(product(variant("c", false)), new Map())).toBeUndefined();
  });
});
