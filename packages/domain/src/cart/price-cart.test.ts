import { describe, expect, it } from "vitest";
import { DomainErrorCode } from "../errors.ts";
import { bp, minor, qty } from "../units.ts";
import { priceCart } from "./price-cart.ts";
import type { CartLineInput, PriceCartInput, Promotion } from "./types.ts";

const NOW = new Date("2026-06-01T12:00:00Z");
const line = (id: string, unitPrice: number, n = 1, extra: Partial<CartLineInput> = {}): CartLineInput => ({
  id,
  variantId: `v-${id}`,
  sku: `SKU-${id}`,
  name: `Item ${id}`,
  qty: qty(n),
  unitPrice: minor(unitPrice),
  taxRate: bp(2000),
  ...extra,
});
const price = (input: Partial<PriceCartInput> & Pick<PriceCartInput, "lines">) =>
  priceCart({ taxMode: "inclusive", rounding: "half_up", now: NOW, ...input });
type PromotionSpec = Promotion extends infer P ? (P extends Promotion ? Omit<P, "id" | "name" | "active"> : never) : never;
const promo = (p: PromotionSpec): Promotion => ({ id: `p-${p.type}`, name: p.type, active: true, ...p });

describe("priceCart — worked numbers", () => {
  it("a €10.00 item at 20 % inclusive has tax 167", () => {
    const cart = price({ lines: [line("a", 1000)] });
    expect(cart.lines[0]).toEqual({
      id: "a",
      variantId: "v-a",
      sku: "SKU-a",
      name: "Item a",
      qty: 1,
      unitPrice: 1000,
      discount: 0,
      taxRate: 2000,
      tax: 167,
      total: 1000,
    });
    expect(cart).toMatchObject({ subtotal: 1000, discountTotal: 0, taxTotal: 167, total: 1000 });
  });

  it("a $10.00 item at 8.25 % exclusive costs 10.83", () => {
    const cart = price({ taxMode: "exclusive", lines: [line("a", 1000, 1, { taxRate: bp(825) })] });
    expect(cart.lines[0]).toMatchObject({ discount: 0, tax: 83, total: 1083 });
    expect(cart).toMatchObject({ subtotal: 1000, taxTotal: 83, total: 1083 });
  });

  it("applies a manual line discount to the whole line", () => {
    const cart = price({ lines: [line("a", 1999, 2, { manualDiscount: { type: "percent", value: bp(1000) } })] });
    expect(cart.lines[0]).toMatchObject({ discount: 400, total: 3598, tax: 600 });
    const fixed = price({ lines: [line("a", 500, 1, { manualDiscount: { type: "fixed", value: minor(900) } })] });
    expect(fixed.lines[0]).toMatchObject({ discount: 500, total: 0, tax: 0 });
  });

  it("allocates a cart discount by largest remainder in proportion to the lines", () => {
    const cart = price({ lines: [line("a", 3000), line("b", 1000)], cartDiscount: { type: "fixed", value: minor(1000) } });
    expect(cart.lines.map((l) => l.discount)).toEqual([750, 250]);
    expect(cart.cartDiscountAmount).toBe(1000);
    const thirds = price({ lines: [line("a", 100), line("b", 100), line("c", 100)], cartDiscount: { type: "fixed", value: minor(100) } });
    expect(thirds.lines.map((l) => l.discount)).toEqual([34, 33, 33]);
    expect(thirds.total).toBe(200);
  });

  it("never discounts a cart below zero", () => {
    const cart = price({ lines: [line("a", 300), line("b", 200)], cartDiscount: { type: "fixed", value: minor(10_000) } });
    expect(cart.lines.map((l) => l.total)).toEqual([0, 0]);
    expect(cart).toMatchObject({ discountTotal: 500, total: 0, taxTotal: 0, cartDiscountAmount: 500 });
  });

  it("applies order promotions only from their minimum subtotal", () => {
    const tenOff = promo({ type: "order_percent", percent: bp(1000), minSubtotal: minor(5000) });
    expect(price({ lines: [line("a", 4999)], promotions: [tenOff] }).appliedPromotions).toEqual([]);
    const cart = price({ lines: [line("a", 5000)], promotions: [tenOff] });
    expect(cart.appliedPromotions).toEqual([{ promotionId: "p-order_percent", name: "order_percent", type: "order_percent", amount: 500 }]);
    expect(cart.total).toBe(4500);
    const fiveOff = promo({ type: "order_fixed", amount: minor(500) });
    expect(price({ lines: [line("a", 5000)], promotions: [tenOff, fiveOff] }).total).toBe(4000);
  });

  it("needs the coupon for a coded promotion and reports unknown codes", () => {
    const coded: Promotion = { id: "c", name: "Summer", active: true, code: "SUMMER10", type: "order_percent", percent: bp(1000) };
    expect(price({ lines: [line("a", 1000)], promotions: [coded] }).total).toBe(1000);
    const cart = price({ lines: [line("a", 1000)], promotions: [coded], couponCodes: [" summer10 ", "NOPE"] });
    expect(cart.total).toBe(900);
    expect(cart.unmatchedCouponCodes).toEqual(["NOPE"]);
  });

  it("respects active flags and the [startsAt, endsAt) window against the passed-in now", () => {
    const p = (over: Partial<Promotion>): Promotion =>
      ({ id: "w", name: "w", active: true, type: "order_fixed", amount: minor(100), ...over }) as Promotion;
    const totalWith = (over: Partial<Promotion>) => price({ lines: [line("a", 1000)], promotions: [p(over)] }).total;
    expect(totalWith({})).toBe(900);
    expect(totalWith({ active: false })).toBe(1000);
    expect(totalWith({ startsAt: "2026-06-01T12:00:00Z" })).toBe(900);
    expect(totalWith({ startsAt: "2026-06-01T12:00:01Z" })).toBe(1000);
    expect(totalWith({ endsAt: "2026-06-01T12:00:00Z" })).toBe(1000);
    expect(totalWith({ endsAt: "2026-06-02T00:00:00Z" })).toBe(900);
    expect(totalWith({ startsAt: "not a date" })).toBe(1000);
  });

  it("takes a category percentage off that category's lines only", () => {
    const cart = price({
      lines: [line("a", 1000, 1, { categoryId: "mugs" }), line("b", 1000, 1, { categoryId: "shirts" })],
      promotions: [promo({ type: "category_percent", categoryId: "mugs", percent: bp(2500) })],
    });
    expect(cart.lines.map((l) => l.discount)).toEqual([250, 0]);
    expect(cart.appliedPromotions.map((a) => a.amount)).toEqual([250]);
  });

  it("buy 2 get 1: the cheapest unit across the covered lines is free", () => {
    const b2g1 = promo({ type: "buy_x_get_y", buyQty: qty(2), getQty: qty(1), percent: bp(10_000), categoryId: "mugs" });
    const mugs = { categoryId: "mugs" };
    const cart = price({ lines: [line("a", 500, 2, mugs), line("b", 300, 1, mugs), line("c", 100, 1)], promotions: [b2g1] });
    expect(cart.lines.map((l) => l.discount)).toEqual([0, 300, 0]);
    // six units → two deals: the two cheapest free
    const six = price({ lines: [line("a", 500, 3, mugs), line("b", 300, 2, mugs), line("c", 200, 1, mugs)], promotions: [b2g1] });
    expect(six.lines.map((l) => l.discount)).toEqual([0, 300, 200]);
    // half off instead of free, by variant list
    const half = promo({ type: "buy_x_get_y", buyQty: qty(1), getQty: qty(1), percent: bp(5000), variantIds: ["v-a"] });
    expect(price({ lines: [line("a", 999, 2)], promotions: [half] }).lines[0]?.discount).toBe(500);
    expect(price({ lines: [line("a", 999, 1)], promotions: [half] }).appliedPromotions).toEqual([]);
  });

  it("does not count a unit in two buy-X-get-Y deals", () => {
    const deal = (id: string): Promotion => ({
      id,
      name: id,
      active: true,
      type: "buy_x_get_y",
      buyQty: qty(1),
      getQty: qty(1),
      percent: bp(10_000),
      variantIds: ["v-a"],
    });
    const cart = price({ lines: [line("a", 100, 2)], promotions: [deal("x"), deal("y")] });
    expect(cart.lines[0]?.discount).toBe(100);
    expect(cart.appliedPromotions.map((a) => a.promotionId)).toEqual(["x"]);
  });

  it("refuses bad input with typed errors", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
        return "none";
      } catch (e) {
        return (e as { code?: string }).code;
      }
    };
    expect(code(() => price({ lines: [line("a", 100), line("a", 100)] }))).toBe(DomainErrorCode.DuplicateLine);
    expect(code(() => price({ lines: [line("a", 100, 0)] }))).toBe(DomainErrorCode.InvalidQuantity);
    expect(code(() => price({ lines: [line("a", -1)] }))).toBe(DomainErrorCode.InvalidAmount);
    expect(code(() => price({ lines: [line("a", 100)], cartDiscount: { type: "percent", value: bp(10_001) } }))).toBe(
      DomainErrorCode.InvalidDiscount,
    );
    const bad: Promotion = { id: "b", name: "b", active: true, type: "buy_x_get_y", buyQty: qty(1), getQty: qty(1), percent: bp(100) };
    expect(code(() => price({ lines: [line("a", 100)], promotions: [bad] }))).toBe(DomainErrorCode.InvalidPromotion);
  });

  it("prices an empty cart as zero", () => {
    expect(price({ lines: [], cartDiscount: { type: "fixed", value: minor(100) } })).toMatchObject({ subtotal: 0, total: 0, lines: [] });
  });
});
