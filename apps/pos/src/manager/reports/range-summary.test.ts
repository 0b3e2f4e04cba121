import { daysFrom, summarize, type BucketFact, type ProductFact } from "@countertop/domain";
import { describe, expect, it } from "vitest";
import { rangeSummary, withCategoryNames } from "./range-summary";

const product = (variantId: string, categoryId: string | undefined, revenue: number): ProductFact =>
  ({
    id: `2026-11-20|till|${variantId}`,
    day: "2026-11-20",
    channel: "till",
    variantId,
    sku: variantId,
    name: variantId,
    categoryId,
    units: 1,
    revenue,
    revenueExTax: revenue,
    cost: 0,
    costedUnits: 0,
  }) as ProductFact;

describe("a range's summary", () => {
  const facts = {
    buckets: [] as BucketFact[],
    products: [product("tea", "drinks", 300), product("jam", "food", 500), product("soap", "gone", 200), product("bag", undefined, 100)],
  };
  const days = daysFrom("2026-11-20", "2026-11-21");

  it("is summed once per read of the facts and range", () => {
    expect(rangeSummary(facts, days)).toBe(rangeSummary(facts, [...days]));
    expect(rangeSummary(facts, days)).not.toBe(rangeSummary(facts, daysFrom("2026-11-20", "2026-11-20")));
  });

  it("names its categories as summarize does", () => {
    const names = new Map([
      ["drinks", "Drinks"],
      ["food", "Food"],
    ]);
    const named = withCategoryNames(rangeSummary(facts, days), (id) => names.get(id));
    expect(named).toEqual(summarize(facts.buckets, facts.products, days, (id) => names.get(id)));
    expect(named.categories.map((c) => c.name)).toEqual(["Food", "Drinks", "Other category", "No category"]);
  });
});
