import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { MAX_QTY } from "../cart/cart";
import { availability, productAvailability, unitsLeft, type ShopData } from "./shop-data";

describe("what a shopper is told about stock", () => {
  it("reads a variant's units: sold out, only a few left, in stock", () => {
    expect([0, 1, 5, 6].map((n) => availability(n, true)?.text)).toEqual(["Sold out", "Only 1 left", "Only 5 left", "In stock"]);
    expect(availability(0, true)?.soldOut).toBe(true);
    expect(availability(undefined, true)?.soldOut).toBe(true);
    expect(availability(0, false)).toBeUndefined();
  });

  it("sums a product's variants, and says nothing when one is made to order", () => {
    const mug = examples.products;
    const [blue, red] = mug.variants.map((v) => v.id) as [string, string];
    expect(productAvailability(mug, new Map([[blue, 2]]))?.text).toBe("Only 2 left");
    expect(
      productAvailability(
        mug,
        new Map([
          [blue, 4],
          [red, 4],
        ]),
      )?.text,
    ).toBe("In stock");
    expect(productAvailability(mug, new Map())?.soldOut).toBe(true);
    const madeToOrder = { ...mug, variants: mug.variants.map((v, i) => ({ ...v, trackStock: i === 0 })) };
    expect(productAvailability(madeToOrder, new Map())).toBeUndefined();
  });
});

describe("how many a shopper may put in the cart", () => {
  const mug = examples.products;
  const [blue, red] = mug.variants.map((v) => v.id) as [string, string];
  const data = (stock: Map<string, number>, products = [mug]) =>
    ({ loaded: true, products, categories: [], settings: undefined, promotions: [], stock }) as ShopData;

  it("is what is left of a tracked variant, never below zero, and 99 of one made to order", () => {
    expect(unitsLeft(data(new Map([[blue, 2]])), blue)).toBe(2);
    expect(unitsLeft(data(new Map([[blue, -3]])), blue)).toBe(0);
    expect(unitsLeft(data(new Map()), blue)).toBe(0);
    const madeToOrder = { ...mug, variants: mug.variants.map((v) => ({ ...v, trackStock: false })) };
    expect(unitsLeft(data(new Map(), [madeToOrder]), red)).toBe(MAX_QTY);
    expect(unitsLeft(data(new Map()), "no-such-variant")).toBe(0);
  });
});
