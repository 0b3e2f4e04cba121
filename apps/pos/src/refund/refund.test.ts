import type { Sale, SalePayment } from "@countertop/sync-protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testSale, type TestLine } from "../testing/test-sale";
import { refundFor, refundPayments, stillRefundable } from "./refund";

/** The refund as it would be written: refundFor's lines and totals with a refund's shape. */
const asRefund = (sale: Sale, chosen: Map<string, number>, prior: readonly Sale[]): Sale | undefined => {
  const body = refundFor(sale, prior, chosen);
  return body && { ...sale, ...body, id: `refund-${prior.length}`, lines: body.lines.map((l) => ({ ...l })) };
};

describe("refundFor and stillRefundable", () => {
  const sale = testSale([
    { variant: 0, qty: 2 },
    { variant: 1, qty: 1, percentOff: 1000 },
  ]);
  const [mugs, red] = sale.lines.map((l) => l.id) as [string, string];

  it("refunds the chosen units, leaving out lines chosen at 0", () => {
    const refund = refundFor(
      sale,
      [],
      new Map([
        [mugs, 1],
        [red, 0],
      ]),
    );
    expect(refund?.lines.map((l) => [l.id, l.qty])).toEqual([[mugs, 1]]);
    expect(refund?.total).toBe(1200);
  });

  it("is nothing when nothing is chosen", () => {
    expect(refundFor(sale, [], new Map())).toBeUndefined();
    expect(refundFor(sale, [], new Map([[mugs, 0]]))).toBeUndefined();
  });

  it("counts earlier refunds of this sale, and never asks for more than is left", () => {
    const first = asRefund(sale, new Map([[mugs, 1]]), [])!;
    const other = { ...first, id: "refund-of-another-sale", originalSaleId: "another-sale" };
    expect(stillRefundable(sale, [first, other])).toEqual(
      new Map([
        [mugs, 1],
        [red, 1],
      ]),
    );
    const second = refundFor(
      sale,
      [first, other],
      new Map([
        [mugs, 5],
        [red, 1],
      ]),
    );
    expect(second?.lines.map((l) => [l.id, l.qty])).toEqual([
      [mugs, 1],
      [red, 1],
    ]);
    expect(refundFor(sale, [first, asRefund(sale, new Map([[mugs, 1]]), [first])!], new Map([[mugs, 1]]))).toBeUndefined();
  });

  it("returns exactly what was paid, tax and discount, however the sale is refunded bit by bit", () => {
    const line = fc.record<TestLine>({
      variant: fc.constantFrom(0 as const, 1 as const),
      qty: fc.integer({ min: 1, max: 6 }),
      percentOff: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("inclusive" as const, "exclusive" as const),
        fc.infiniteStream(fc.nat(6)),
        (lines, taxMode, picks) => {
          const sold = testSale(lines, { taxMode });
          const refunds: Sale[] = [];
          for (let left = stillRefundable(sold, refunds); [...left.values()].some((n) => n > 0); left = stillRefundable(sold, refunds)) {
            const chosen = new Map([...left].map(([id, n]) => [id, Math.min(n, picks.next().value)]));
            if ([...chosen.values()].every((n) => n === 0)) chosen.set([...left].find(([, n]) => n > 0)![0], 1);
            refunds.push(asRefund(sold, chosen, refunds)!);
          }
          const sum = (pick: (s: Sale) => number) => refunds.reduce((n, r) => n + pick(r), 0);
          expect(sum((r) => r.total)).toBe(sold.total);
          expect(sum((r) => r.taxTotal)).toBe(sold.taxTotal);
          expect(sum((r) => r.discountTotal)).toBe(sold.discountTotal);
        },
      ),
    );
  });
});

describe("refundPayments", () => {
  const paid = (payments: SalePayment[]) => testSale([{ variant: 0, qty: 5 }], { pay: () => payments });

  it("pays all in cash when asked", () => {
    expect(refundPayments(paid([{ method: "card", amount: 6000 }]), 1200, "cash")).toEqual([{ method: "cash", amount: 1200 }]);
  });

  it("goes back to the card first, with its reference, and the rest in cash", () => {
    const sale = paid([
      { method: "cash", amount: 4000, tendered: 5000, change: 1000 },
      { method: "card", amount: 2000, reference: "TERM-1" },
    ]);
    expect(refundPayments(sale, 1500, "original")).toEqual([{ method: "card", amount: 1500, reference: "TERM-1" }]);
    expect(refundPayments(sale, 3500, "original")).toEqual([
      { method: "card", amount: 2000, reference: "TERM-1" },
      { method: "cash", amount: 1500 },
    ]);
  });

  it("adds up to the refund and never returns more to a method than it paid", () => {
    const payment = fc.record({
      method: fc.constantFrom("cash" as const, "card" as const, "other" as const),
      amount: fc.integer({ min: 0, max: 5000 }),
    });
    fc.assert(
      fc.property(
        fc.array(payment, { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (payments, share, toCash) => {
          const sale = paid(payments);
          const totalPaid = payments.reduce((n, p) => n + p.amount, 0);
          const total = Math.floor(totalPaid * share);
          const back = refundPayments(sale, total, toCash ? "cash" : "original");
          expect(back.reduce((n, p) => n + p.amount, 0)).toBe(total);
          for (const method of ["card", "other"] as const) {
            const returned = back.filter((p) => p.method === method).reduce((n, p) => n + p.amount, 0);
            expect(returned).toBeLessThanOrEqual(payments.filter((p) => p.method === method).reduce((n, p) => n + p.amount, 0));
          }
          expect(new Set(back.map((p) => p.method)).size).toBe(back.length);
        },
      ),
    );
  });
});
