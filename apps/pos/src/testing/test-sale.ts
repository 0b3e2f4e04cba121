import { bp, type TaxMode } from "@countertop/domain";
import type { Sale, SalePayment } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { EMPTY_CART, lineFor, priceOf, type Cart } from "../sell/cart";

/*
 * Test helper, never imported by the app: completed sales priced by the till's own cart rules.
 */

const mug = examples.products;
const rates = new Map([[mug.taxRateId, 2000]]);

/** One line to sell: which of the mug's variants, how many, and a percentage off it. */
export interface TestLine {
  readonly variant: 0 | 1;
  readonly qty: number;
  readonly percentOff?: number;
}

/** A completed sale of `lines`, priced as the till prices them, paid as `pay` says (all in cash by default). */
export function testSale(
  lines: readonly TestLine[],
  options: { taxMode?: TaxMode; pay?: (total: number) => SalePayment[]; id?: string } = {},
): Sale {
  const cart: Cart = {
    lines: lines.map((l, i) => ({
      ...lineFor(mug, mug.variants[l.variant]!.id, rates),
      id: `line-${i}`,
      qty: l.qty,
      ...(l.percentOff ? { manualDiscount: { type: "percent" as const, value: bp(l.percentOff) } } : {}),
    })),
  };
  const priced = priceOf(cart.lines.length ? cart : EMPTY_CART, options.taxMode ?? "inclusive", [], new Date("2026-11-22T12:00:00Z"));
  return {
    ...examples.sales,
    id: options.id ?? "0193a1b2-0000-7000-8000-0000000000f1",
    taxMode: options.taxMode ?? "inclusive",
    lines: priced.lines.map((l) => ({ ...l })),
    subtotal: priced.subtotal,
    discountTotal: priced.discountTotal,
    taxTotal: priced.taxTotal,
    cashRounding: 0,
    total: priced.total,
    payments: options.pay ? options.pay(priced.total) : [{ method: "cash", amount: priced.total }],
  };
}

/**
 * A sale of one line of `total` at `createdAt`, tax-free, paid 1.00 by card and the rest in cash:
 * what the report store counts, without the cart's pricing.
 */
export const reportSale = (id: string, createdAt: string, total = 1000) => ({
  ...examples.sales,
  id,
  number: id.toUpperCase(),
  createdAt,
  total,
  subtotal: total,
  taxTotal: 0,
  discountTotal: 0,
  lines: [{ ...examples.sales.lines[0]!, qty: 1, unitPrice: total, discount: 0, tax: 0, total }],
  payments: [
    { method: "cash" as const, amount: total - 100 },
    { method: "card" as const, amount: 100 },
  ],
});
