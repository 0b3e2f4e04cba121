import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NOW, priceCartInput } from "../../test/arbitraries.ts";
import { priceCart } from "../cart/price-cart.ts";
import type { PriceCartInput, Promotion } from "../cart/types.ts";
import { bp, minor, qty } from "../units.ts";
import { promotionFromDocument, repriceSale, SALE_ROUNDING, type PromotionDocument, type RepriceSale } from "./reprice-sale.ts";

const RUNS = { numRuns: 300 };

function documentOf(p: Promotion): PromotionDocument {
  const common = { id: p.id, name: p.name, active: p.active, ...(p.code ? { code: p.code } : {}) };
  switch (p.type) {
    case "order_percent":
      return { ...common, kind: p.type, value: p.percent, ...(p.minSubtotal !== undefined ? { minSubtotal: p.minSubtotal } : {}) };
    case "order_fixed":
      return { ...common, kind: p.type, value: p.amount, ...(p.minSubtotal !== undefined ? { minSubtotal: p.minSubtotal } : {}) };
    case "category_percent":
      return { ...common, kind: p.type, value: p.percent, categoryId: p.categoryId };
    case "buy_x_get_y":
      return {
        ...common,
        kind: p.type,
        value: 0,
        buyQty: p.buyQty,
        getQty: p.getQty,
        getPercent: p.percent,
        ...(p.variantIds ? { variantIds: p.variantIds } : {}),
      };
  }
}

/** What an honest till sends for a cart: one price per variant, priced with the shared rules. */
function tillSale(input: PriceCartInput) {
  const prices = new Map<string, number>();
  const lines = input.lines.map((l) => {
    if (!prices.has(l.variantId)) prices.set(l.variantId, l.unitPrice);
    return { ...l, unitPrice: minor(prices.get(l.variantId) ?? 0) };
  });
  const promotions = [...new Map((input.promotions ?? []).map((p) => [p.id, p])).values()];
  const cart = priceCart({ ...input, lines, promotions, rounding: SALE_ROUNDING });
  const sale: RepriceSale = {
    kind: "sale",
    taxMode: input.taxMode,
    createdAt: NOW.toISOString(),
    lines: cart.lines.map((l, i) => ({ ...l, categoryId: lines[i]?.categoryId, manualDiscount: lines[i]?.manualDiscount })),
    cartDiscount: input.cartDiscount,
    promotionIds: promotions.map((p) => p.id),
    subtotal: cart.subtotal,
    discountTotal: cart.discountTotal,
    taxTotal: cart.taxTotal,
    total: cart.total,
    payments: [{ amount: cart.total }],
  };
  return { sale, prices, promotions: promotions.map(documentOf) };
}

describe("repriceSale", () => {
  it("finds nothing wrong with a sale priced by the shared rules at catalog prices", () => {
    fc.assert(
      fc.property(priceCartInput, (input) => {
        const { sale, prices, promotions } = tillSale(input);
        expect(repriceSale(sale, { catalogPrices: prices, promotions }).mismatches).toEqual([]);
      }),
      RUNS,
    );
  });

  it("flags the line whose unit price is not the catalog's", () => {
    fc.assert(
      fc.property(priceCartInput, fc.integer({ min: 1, max: 500 }), (input, bump) => {
        const { sale, prices, promotions } = tillSale(input);
        const first = sale.lines[0];
        if (!first) return;
        const catalog = new Map(prices).set(first.variantId, first.unitPrice + bump);
        const found = repriceSale(sale, { catalogPrices: catalog, promotions }).mismatches;
        expect(found).toContainEqual({ field: "unitPrice", lineId: first.id, expected: first.unitPrice + bump, actual: first.unitPrice });
      }),
      RUNS,
    );
  });

  it("flags a tampered total, line or payment", () => {
    fc.assert(
      fc.property(priceCartInput, fc.integer({ min: 1, max: 500 }), fc.constantFrom("total", "line", "payment"), (input, delta, what) => {
        const { sale, prices, promotions } = tillSale(input);
        const tampered: RepriceSale =
          what === "total"
            ? { ...sale, total: sale.total + delta, payments: [{ amount: sale.total + delta }] }
            : what === "line"
              ? { ...sale, lines: sale.lines.map((l, i) => (i === 0 ? { ...l, total: l.total + delta } : l)) }
              : { ...sale, payments: [{ amount: sale.total - delta }] };
        expect(repriceSale(tampered, { catalogPrices: prices, promotions }).mismatches.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it("accepts cash rounding that the total and payments carry", () => {
    const line = { id: "l1", variantId: "v1", sku: "S", name: "N", qty: qty(1), unitPrice: minor(997), taxRate: bp(0) };
    const cart = priceCart({ lines: [line], taxMode: "inclusive", rounding: SALE_ROUNDING, now: NOW });
    const sale: RepriceSale = {
      ...cart,
      kind: "sale",
      createdAt: NOW.toISOString(),
      cashRounding: -2,
      total: 995,
      payments: [{ amount: 995 }],
    };
    expect(repriceSale(sale, { catalogPrices: new Map([["v1", 997]]), promotions: [] }).mismatches).toEqual([]);
  });

  it("reports a promotion the server knows is no longer live at the sale's time", () => {
    const line = { id: "l1", variantId: "v1", sku: "S", name: "N", qty: qty(2), unitPrice: minor(1000), taxRate: bp(1900) };
    const promo: Promotion = { id: "p1", name: "10 %", active: true, type: "order_percent", percent: bp(1000) };
    const cart = priceCart({ lines: [line], taxMode: "inclusive", rounding: SALE_ROUNDING, now: NOW, promotions: [promo] });
    const sale: RepriceSale = {
      ...cart,
      kind: "sale",
      createdAt: NOW.toISOString(),
      promotionIds: ["p1"],
      payments: [{ amount: cart.total }],
    };
    const ended = { ...documentOf(promo), endsAt: "2026-05-01T00:00:00.000Z" };
    const found = repriceSale(sale, { catalogPrices: new Map([["v1", 1000]]), promotions: [ended] }).mismatches;
    expect(found).toContainEqual({ field: "discount", lineId: "l1", expected: 0, actual: 200 });
  });

  it("checks a refund's arithmetic only: its prices are the original sale's", () => {
    const refund: RepriceSale = {
      kind: "refund",
      taxMode: "inclusive",
      createdAt: NOW.toISOString(),
      lines: [{ id: "l1", variantId: "v1", sku: "S", name: "N", qty: 1, unitPrice: 500, discount: 50, taxRate: 1900, tax: 72, total: 450 }],
      subtotal: 500,
      discountTotal: 50,
      taxTotal: 72,
      total: 450,
      payments: [{ amount: 450 }],
    };
    expect(repriceSale(refund, { catalogPrices: new Map([["v1", 999]]), promotions: [] }).mismatches).toEqual([]);
    expect(repriceSale({ ...refund, taxTotal: 70 }, { catalogPrices: new Map(), promotions: [] }).mismatches).toEqual([
      { field: "taxTotal", expected: 72, actual: 70 },
    ]);
  });

  it("maps every stored promotion kind to the pricing engine's shape", () => {
    expect(promotionFromDocument({ id: "p", name: "n", kind: "order_fixed", value: 500, active: true, minSubtotal: 1000 })).toEqual({
      id: "p",
      name: "n",
      active: true,
      type: "order_fixed",
      amount: 500,
      minSubtotal: 1000,
    });
    expect(
      promotionFromDocument({ id: "p", name: "n", kind: "buy_x_get_y", value: 0, active: true, buyQty: 2, getQty: 1, variantIds: ["v"] }),
    ).toMatchObject({ type: "buy_x_get_y", buyQty: 2, getQty: 1, percent: 10_000 });
  });
});
