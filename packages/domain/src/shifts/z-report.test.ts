import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priceCartInput } from "../../test/arbitraries.ts";
import { priceCart } from "../cart/price-cart.ts";
import { settlePayments } from "../payments/payments.ts";
import { buildRefund } from "../refunds/refund.ts";
import { bp, minor, qty } from "../units.ts";
import { zReport, type ZReportDocument } from "./z-report.ts";

const l = (rate: number, tax: number, total: number) => ({ taxRate: bp(rate), tax: minor(tax), total: minor(total) });

describe("zReport", () => {
  const documents: ZReportDocument[] = [
    {
      kind: "sale",
      discountTotal: minor(100),
      taxTotal: minor(200),
      total: minor(1500),
      lines: [l(2000, 167, 1000), l(700, 33, 500)],
      payments: [{ method: "cash", amount: minor(1500), tendered: minor(2000), change: minor(500) }],
    },
    {
      kind: "sale",
      discountTotal: minor(0),
      taxTotal: minor(167),
      total: minor(1003),
      lines: [l(2000, 167, 1003)],
      payments: [
        { method: "card", amount: minor(503), reference: "X" },
        { method: "cash", amount: minor(500), tendered: minor(500), change: minor(0) },
      ],
    },
    {
      kind: "refund",
      discountTotal: minor(0),
      taxTotal: minor(33),
      total: minor(500),
      lines: [l(700, 33, 500)],
      payments: [{ method: "cash", amount: minor(500) }],
    },
  ];

  it("aggregates counts, totals, methods, tax rates and cash", () => {
    const z = zReport({
      openingFloat: minor(10_000),
      documents,
      cashMovements: [{ kind: "pay_out", amount: minor(1000) }],
      countedCash: minor(10_450),
    });
    expect(z).toMatchObject({
      saleCount: 2,
      refundCount: 1,
      grossSales: 2503,
      refundsTotal: 500,
      netSales: 2003,
      discountTotal: 100,
      taxTotal: 334,
      netExTax: 1669,
      cashRoundingTotal: 0,
      countedCash: 10_450,
    });
    expect(z.byPaymentMethod).toEqual([
      { method: "cash", sales: 2000, refunds: 500, net: 1500 },
      { method: "card", sales: 503, refunds: 0, net: 503 },
    ]);
    expect(z.byTaxRate).toEqual([
      { rate: 700, net: 0, tax: 0, total: 0 },
      { rate: 2000, net: 1669, tax: 334, total: 2003 },
    ]);
    expect(z.cash.expected).toBe(10_000 + 2000 - 500 - 1000);
    expect(z.variance).toBe(-50);
  });

  it("reports the net cash rounding and omits variance until counted", () => {
    const rounded: ZReportDocument = {
      ...documents[1]!,
      payments: [{ method: "cash", amount: minor(1005), tendered: minor(1005), change: minor(0) }],
    };
    const z = zReport({ openingFloat: minor(0), documents: [rounded] });
    expect(z.cashRoundingTotal).toBe(2);
    expect(z.variance).toBeUndefined();
    expect("countedCash" in z).toBe(false);
  });

  it("tax table and payment methods always reconcile with the headline totals", () => {
    fc.assert(
      fc.property(
        fc.array(priceCartInput, { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        (carts, refundFlags) => {
          const docs: ZReportDocument[] = carts.flatMap((input, i) => {
            const cart = priceCart(input);
            const sale = {
              kind: "sale" as const,
              ...cart,
              payments: settlePayments(cart.total, [{ method: "cash", tendered: cart.total }]).payments,
            };
            if (!refundFlags[i] || cart.lines.length === 0) return [sale];
            const refund = buildRefund({
              sale: { id: `s${i}`, lines: cart.lines },
              lines: [{ lineId: cart.lines[0]!.id, qty: qty(1) }],
              taxMode: input.taxMode,
            });
            return [sale, { ...refund, payments: [{ method: "card" as const, amount: refund.total }] }];
          });
          const z = zReport({ openingFloat: minor(0), documents: docs });
          const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
          expect(sum(z.byTaxRate.map((r) => r.total))).toBe(z.netSales);
          expect(sum(z.byTaxRate.map((r) => r.tax))).toBe(z.taxTotal);
          expect(sum(z.byTaxRate.map((r) => r.net))).toBe(z.netExTax);
          expect(sum(z.byPaymentMethod.map((m) => m.net))).toBe(z.netSales + z.cashRoundingTotal);
          expect(z.saleCount + z.refundCount).toBe(docs.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
