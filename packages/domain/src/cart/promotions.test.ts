import { describe, expect, it } from "vitest";
import { bp, minor, qty } from "../units.ts";
import { applyBuyXGetY } from "./buy-x-get-y.ts";
import { assertValidPromotion, isPromotionLive, livePromotions, normalizeCouponCode } from "./promotions.ts";
import type { BuyXGetYPromotion, Promotion } from "./types.ts";

const NOW = new Date("2026-06-01T12:00:00Z");
const base = { name: "p", active: true };
const promotions: Promotion[] = [
  { ...base, id: "fixed", type: "order_fixed", amount: minor(100) },
  { ...base, id: "pct", type: "order_percent", percent: bp(500) },
  { ...base, id: "cat", type: "category_percent", categoryId: "c", percent: bp(500) },
  { ...base, id: "bxgy", type: "buy_x_get_y", buyQty: qty(1), getQty: qty(1), percent: bp(10_000), categoryId: "c" },
  { ...base, id: "off", active: false, type: "order_fixed", amount: minor(100) },
  { ...base, id: "coded", code: "Vip", type: "order_fixed", amount: minor(100) },
];

describe("promotions", () => {
  it("are applied line-level first, then percent, then fixed; inactive and uncoded ones are dropped", () => {
    expect(livePromotions(promotions, NOW).map((p) => p.id)).toEqual(["bxgy", "cat", "pct", "fixed"]);
    expect(livePromotions(promotions, NOW, ["vip"]).map((p) => p.id)).toEqual(["bxgy", "cat", "pct", "fixed", "coded"]);
  });

  it("match coupon codes trimmed and case-insensitively", () => {
    expect(normalizeCouponCode("  summer10 ")).toBe("SUMMER10");
    const coded = promotions[5] as Promotion;
    expect(isPromotionLive(coded, NOW, [" VIP"])).toBe(true);
    expect(isPromotionLive(coded, NOW, ["VIPS"])).toBe(false);
  });

  it("are validated", () => {
    expect(() => promotions.forEach(assertValidPromotion)).not.toThrow();
    expect(() => assertValidPromotion({ ...base, id: "x", type: "order_percent", percent: bp(10_001) })).toThrow(/percent/);
    expect(() => assertValidPromotion({ ...base, id: "x", type: "order_fixed", amount: minor(-1) })).toThrow(/amount/);
    expect(() =>
      assertValidPromotion({ ...base, id: "x", type: "buy_x_get_y", buyQty: qty(0), getQty: qty(1), percent: bp(1), categoryId: "c" }),
    ).toThrow(/buyQty/);
  });
});

describe("applyBuyXGetY", () => {
  const b2g1: BuyXGetYPromotion = {
    ...base,
    id: "b",
    type: "buy_x_get_y",
    buyQty: qty(2),
    getQty: qty(1),
    percent: bp(10_000),
    variantIds: ["a", "b", "c"],
  };
  const l = (variantId: string, unitPrice: number, availableQty: number) => ({
    variantId,
    unitPrice: minor(unitPrice),
    availableQty: qty(availableQty),
  });

  it("discounts the cheapest units and reports the units used (dearest bought, cheapest given)", () => {
    const result = applyBuyXGetY(b2g1, [l("a", 500, 2), l("b", 300, 2), l("c", 200, 1), l("z", 1, 5)], "half_up");
    // five covered units → one deal: buy the two 500s, the 200 is free; the 300s are untouched
    expect(result.discounts).toEqual([0, 0, 200, 0]);
    expect(result.usedQty).toEqual([2, 0, 1, 0]);
  });

  it("gives nothing below one full deal", () => {
    expect(applyBuyXGetY(b2g1, [l("a", 500, 2)], "half_up").discounts).toEqual([0]);
  });
});
