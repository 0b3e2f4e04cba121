import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priceCartInput, roundingMode } from "../../test/arbitraries.ts";
import { priceCart } from "../cart/price-cart.ts";
import type { PricedLine } from "../cart/types.ts";
import { DomainErrorCode } from "../errors.ts";
import { bp, minor, qty } from "../units.ts";
import { buildRefund, refundableQuantities, type PriorRefund, type RefundRequestLine } from "./refund.ts";

const line = (id: string, n: number, unitPrice: number, discount: number, tax: number, total: number): PricedLine => ({
  id,
  variantId: `v-${id}`,
  sku: id,
  name: id,
  qty: qty(n),
  unitPrice: minor(unitPrice),
  discount: minor(discount),
  taxRate: bp(2000),
  tax: minor(tax),
  total: minor(total),
});
// 3 × 10.00 incl. 20 % with 1.00 discount: total 29.00, tax 4.83
const sale = { id: "s1", lines: [line("a", 3, 1000, 100, 483, 2900), line("b", 1, 500, 0, 83, 500)] };
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "none";
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("buildRefund", () => {
  it("refunds part of a line pro rata, in the sale line shape", () => {
    const refund = buildRefund({ sale, lines: [{ lineId: "a", qty: qty(1) }], taxMode: "inclusive" });
    expect(refund).toMatchObject({ kind: "refund", originalSaleId: "s1" });
    // discount 100 × 1/3 = 33, total = 1000 − 33, tax 483 × 1/3 = 161
    expect(refund.lines).toEqual([{ ...sale.lines[0], qty: 1, discount: 33, tax: 161, total: 967 }]);
    expect(refund).toMatchObject({ subtotal: 1000, discountTotal: 33, taxTotal: 161, total: 967 });
  });

  it("uses the cumulative approach so the last unit gets what is left", () => {
    const first = buildRefund({ sale, lines: [{ lineId: "a", qty: qty(1) }], taxMode: "inclusive" });
    const second = buildRefund({ sale, priorRefunds: [first], lines: [{ lineId: "a", qty: qty(1) }], taxMode: "inclusive" });
    const third = buildRefund({ sale, priorRefunds: [first, second], lines: [{ lineId: "a", qty: qty(1) }], taxMode: "inclusive" });
    expect([first, second, third].map((r) => r.lines[0]?.discount)).toEqual([33, 34, 33]);
    expect([first, second, third].reduce((a, r) => a + r.total, 0)).toBe(2900);
    expect([first, second, third].reduce((a, r) => a + r.taxTotal, 0)).toBe(483);
  });

  it("never refunds more than sold minus already refunded", () => {
    const first = buildRefund({ sale, lines: [{ lineId: "a", qty: qty(2) }], taxMode: "inclusive" });
    expect(refundableQuantities(sale, [first])).toEqual(
      new Map([
        ["a", 1],
        ["b", 1],
      ]),
    );
    expect(codeOf(() => buildRefund({ sale, priorRefunds: [first], lines: [{ lineId: "a", qty: qty(2) }], taxMode: "inclusive" }))).toBe(
      DomainErrorCode.RefundExceedsSold,
    );
    // a refund of another sale does not count
    const other: PriorRefund = { originalSaleId: "s2", lines: [{ ...sale.lines[0]!, qty: qty(3) }] };
    expect(refundableQuantities(sale, [other]).get("a")).toBe(3);
  });

  it("refuses unknown, duplicate and non-positive lines", () => {
    expect(codeOf(() => buildRefund({ sale, lines: [{ lineId: "zz", qty: qty(1) }], taxMode: "inclusive" }))).toBe(
      DomainErrorCode.UnknownLine,
    );
    expect(
      codeOf(() =>
        buildRefund({
          sale,
          lines: [
            { lineId: "a", qty: qty(1) },
            { lineId: "a", qty: qty(1) },
          ],
          taxMode: "inclusive",
        }),
      ),
    ).toBe(DomainErrorCode.DuplicateLine);
    expect(codeOf(() => buildRefund({ sale, lines: [{ lineId: "a", qty: qty(0) }], taxMode: "inclusive" }))).toBe(
      DomainErrorCode.InvalidQuantity,
    );
  });
});

/** Splits `n` units into `parts` non-negative chunks using cut points. */
const split = (n: number, cuts: readonly number[]) => {
  const points = [0, ...cuts.map((c) => c % (n + 1)).sort((a, b) => a - b), n];
  return points.slice(1).map((p, i) => p - (points[i] ?? 0));
};

describe("refunding a whole sale in any partition", () => {
  it("returns exactly its total, tax and discount, line by line", () => {
    fc.assert(
      fc.property(
        priceCartInput,
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), { minLength: 6, maxLength: 6 }),
        roundingMode,
        (input, refundCount, cutsPerLine, rounding) => {
          const priced = priceCart(input);
          const sold = { id: "sale", lines: priced.lines };
          // chunks[line][refund]: how many units of the line each refund returns
          const chunks = priced.lines.map((l, i) => split(l.qty, (cutsPerLine[i] ?? []).slice(0, refundCount - 1)));
          const refunds: PriorRefund[] = [];
          for (let r = 0; r < refundCount; r++) {
            const request: RefundRequestLine[] = priced.lines
              .map((l, i) => ({ lineId: l.id, qty: qty(chunks[i]?.[r] ?? 0) }))
              .filter((x) => x.qty > 0);
            if (request.length === 0) continue;
            const refund = buildRefund({ sale: sold, priorRefunds: refunds, lines: request, taxMode: input.taxMode, rounding });
            for (const l of refund.lines) {
              expect(l.discount).toBeGreaterThanOrEqual(0);
              expect(l.tax).toBeGreaterThanOrEqual(0);
              expect(l.total).toBeGreaterThanOrEqual(0);
              const net = l.qty * l.unitPrice - l.discount;
              expect(l.total).toBe(input.taxMode === "inclusive" ? net : net + l.tax);
            }
            refunds.push(refund);
          }
          const all = refunds.flatMap((r) => r.lines);
          for (const l of priced.lines) {
            const mine = all.filter((x) => x.id === l.id);
            expect(mine.reduce((a, x) => a + x.qty, 0)).toBe(l.qty);
            expect(mine.reduce((a, x) => a + x.total, 0)).toBe(l.total);
            expect(mine.reduce((a, x) => a + x.tax, 0)).toBe(l.tax);
            expect(mine.reduce((a, x) => a + x.discount, 0)).toBe(l.discount);
          }
          expect([...refundableQuantities(sold, refunds).values()].every((q) => q === 0)).toBe(true);
          expect(
            codeOf(() =>
              buildRefund({
                sale: sold,
                priorRefunds: refunds,
                lines: [{ lineId: priced.lines[0]!.id, qty: qty(1) }],
                taxMode: input.taxMode,
              }),
            ),
          ).toBe(DomainErrorCode.RefundExceedsSold);
        },
      ),
      { numRuns: 400 },
    );
  });
});
