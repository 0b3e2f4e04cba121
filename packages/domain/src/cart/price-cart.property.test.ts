import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cartLines, discount as discountArb, NOW, priceCartInput, roundingMode, taxMode } from "../../test/arbitraries.ts";
import { mulQty } from "../money/arithmetic.ts";
import { taxAdded, taxIncluded } from "../tax/tax.ts";
import { minor } from "../units.ts";
import { discountAmount } from "./discount.ts";
import { priceCart } from "./price-cart.ts";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const RUNS = { numRuns: 400 };

describe("priceCart invariants", () => {
  it("document totals are exactly the sums of the lines, in both tax modes and every rounding mode", () => {
    fc.assert(
      fc.property(priceCartInput, (input) => {
        const cart = priceCart(input);
        expect(cart.subtotal).toBe(sum(cart.lines.map((l) => l.qty * l.unitPrice)));
        expect(cart.discountTotal).toBe(sum(cart.lines.map((l) => l.discount)));
        expect(cart.taxTotal).toBe(sum(cart.lines.map((l) => l.tax)));
        expect(cart.total).toBe(sum(cart.lines.map((l) => l.total)));
        const expectedTotal =
          input.taxMode === "inclusive" ? cart.subtotal - cart.discountTotal : cart.subtotal - cart.discountTotal + cart.taxTotal;
        expect(cart.total).toBe(expectedTotal);
      }),
      RUNS,
    );
  });

  it("every line obeys the sale line contract and is never negative", () => {
    fc.assert(
      fc.property(priceCartInput, (input) => {
        const cart = priceCart(input);
        cart.lines.forEach((l, i) => {
          const source = input.lines[i];
          expect(l).toMatchObject({
            id: source?.id,
            variantId: source?.variantId,
            qty: source?.qty,
            unitPrice: source?.unitPrice,
            taxRate: source?.taxRate,
          });
          const amount = mulQty(l.unitPrice, l.qty);
          expect(l.discount).toBeGreaterThanOrEqual(0);
          expect(l.discount).toBeLessThanOrEqual(amount);
          const net = amount - l.discount;
          if (input.taxMode === "inclusive") {
            expect(l.total).toBe(net);
            expect(l.tax).toBe(taxIncluded(l.total, l.taxRate, input.rounding));
          } else {
            expect(l.tax).toBe(taxAdded(minor(net), l.taxRate, input.rounding));
            expect(l.total).toBe(net + l.tax);
          }
          expect(l.total).toBeGreaterThanOrEqual(0);
        });
      }),
      RUNS,
    );
  });

  it("explains every unit of discount: manual + applied promotions + cart discount", () => {
    fc.assert(
      fc.property(priceCartInput, (input) => {
        const cart = priceCart(input);
        const manual = sum(
          input.lines.map((l) => (l.manualDiscount ? discountAmount(l.manualDiscount, mulQty(l.unitPrice, l.qty), input.rounding) : 0)),
        );
        expect(cart.discountTotal).toBe(manual + sum(cart.appliedPromotions.map((a) => a.amount)) + cart.cartDiscountAmount);
        cart.appliedPromotions.forEach((a) => expect(a.amount).toBeGreaterThan(0));
      }),
      RUNS,
    );
  });

  it("a fixed cart discount up to the subtotal is given in full and split exactly", () => {
    fc.assert(
      fc.property(cartLines, taxMode, roundingMode, fc.double({ min: 0, max: 1, noNaN: true }), (lines, mode, rounding, fraction) => {
        const plain = lines.map(({ manualDiscount: _m, ...l }) => l);
        const subtotal = sum(plain.map((l) => l.qty * l.unitPrice));
        const value = minor(Math.floor(subtotal * fraction));
        const cart = priceCart({ lines: plain, taxMode: mode, rounding, now: NOW, cartDiscount: { type: "fixed", value } });
        expect(cart.discountTotal).toBe(value);
        expect(cart.cartDiscountAmount).toBe(value);
        // each line's share is within one unit of its proportional share
        cart.lines.forEach((l) => {
          const exact = subtotal === 0 ? 0 : (value * l.qty * l.unitPrice) / subtotal;
          expect(Math.abs(l.discount - exact)).toBeLessThan(1 + 1e-9);
        });
      }),
      RUNS,
    );
  });

  it("pricing is deterministic and does not mutate its input", () => {
    fc.assert(
      fc.property(priceCartInput, discountArb, (input, extra) => {
        const withDiscount = { ...input, cartDiscount: extra };
        const before = JSON.stringify(withDiscount);
        expect(priceCart(withDiscount)).toEqual(priceCart(withDiscount));
        expect(JSON.stringify(withDiscount)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});
