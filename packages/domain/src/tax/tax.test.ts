import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundingMode, taxMode, taxRate } from "../../test/arbitraries.ts";
import { bp, minor } from "../units.ts";
import { mergeTaxBreakdowns, taxAdded, taxBreakdown, taxIncluded, taxLine } from "./tax.ts";

describe("tax on a line", () => {
  it("finds the VAT inside a tax-inclusive price: €10.00 at 20 % contains 1.67", () => {
    expect(taxIncluded(minor(1000), bp(2000), "half_up")).toBe(167);
    expect(taxLine(minor(1000), bp(2000), "inclusive", "half_up")).toEqual({ net: 833, tax: 167, total: 1000 });
  });

  it("adds sales tax on top of a tax-exclusive price: $10.00 at 8.25 % adds 0.83", () => {
    expect(taxAdded(minor(1000), bp(825), "half_up")).toBe(83);
    expect(taxLine(minor(1000), bp(825), "exclusive", "half_up")).toEqual({ net: 1000, tax: 83, total: 1083 });
  });

  it("rounds per the named mode", () => {
    // 250 × 10 % = 25 exactly; 125 × 10 % = 12.5
    expect(taxAdded(minor(125), bp(1000), "half_up")).toBe(13);
    expect(taxAdded(minor(125), bp(1000), "half_even")).toBe(12);
    expect(taxAdded(minor(125), bp(1000), "down")).toBe(12);
    expect(taxAdded(minor(121), bp(1000), "up")).toBe(13);
    // 19.99 incl. 19 %: 1999 × 1900 / 11900 = 319.16…
    expect(taxIncluded(minor(1999), bp(1900), "half_up")).toBe(319);
  });

  it("is zero at a zero rate and net + tax = total always", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }).map(minor), taxRate, taxMode, roundingMode, (amount, rate, mode, rounding) => {
        const t = taxLine(amount, rate, mode, rounding);
        expect(t.net + t.tax).toBe(t.total);
        expect(t.tax).toBeGreaterThanOrEqual(0);
        if (rate === 0) expect(t.tax).toBe(0);
        if (mode === "inclusive") {
          expect(t.total).toBe(amount);
          expect(t.tax).toBeLessThanOrEqual(amount);
        } else {
          expect(t.net).toBe(amount);
        }
        // within one minor unit of the exact rational tax
        const exact = mode === "inclusive" ? (amount * rate) / (10_000 + rate) : (amount * rate) / 10_000;
        expect(Math.abs(t.tax - exact)).toBeLessThan(1.0001);
      }),
    );
  });
});

describe("taxBreakdown", () => {
  const lines = [
    { taxRate: bp(2000), tax: minor(167), total: minor(1000) },
    { taxRate: bp(700), tax: minor(33), total: minor(500) },
    { taxRate: bp(2000), tax: minor(50), total: minor(300) },
  ];

  it("groups by rate, ascending, summing rounded lines", () => {
    expect(taxBreakdown(lines)).toEqual([
      { rate: 700, net: 467, tax: 33, total: 500 },
      { rate: 2000, net: 1083, tax: 217, total: 1300 },
    ]);
  });

  it("subtracts with sign −1 and merges tables", () => {
    const refunds = taxBreakdown([{ taxRate: bp(2000), tax: minor(50), total: minor(300) }], -1);
    expect(refunds).toEqual([{ rate: 2000, net: -250, tax: -50, total: -300 }]);
    expect(mergeTaxBreakdowns([taxBreakdown(lines), refunds])).toEqual([
      { rate: 700, net: 467, tax: 33, total: 500 },
      { rate: 2000, net: 833, tax: 167, total: 1000 },
    ]);
  });
});
