import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minor } from "../units.ts";
import { barcodeProblem, gtinCheckDigit } from "./barcode.ts";
import { changeByPercent } from "./price-change.ts";

describe("barcodeProblem", () => {
  it("accepts EAN-13, EAN-8 and UPC-A with their check digit, and a shop's own codes as typed", () => {
    for (const code of ["4006381333931", "96385074", "036000291452", "ABC-123", "12345"]) expect(barcodeProblem(code)).toBeUndefined();
  });

  it("names the right check digit of a mistyped EAN/UPC", () => {
    expect(barcodeProblem("4006381333932")).toBe("The check digit of this EAN-13 is wrong: it should end in 1.");
    expect(barcodeProblem("036000291453")).toBe("The check digit of this UPC-A is wrong: it should end in 2.");
    expect(barcodeProblem("96385075")).toMatch(/EAN-8.*end in 4/);
    expect(barcodeProblem("")).toBeDefined();
    expect(barcodeProblem("400 638")).toBeDefined();
  });

  it("catches every single-digit typo of a valid EAN-13", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (body, at, bump) => {
        const code = `${body}${gtinCheckDigit(body)}`;
        expect(barcodeProblem(code)).toBeUndefined();
        const typo = code.slice(0, at) + String((Number(code[at]) + bump) % 10) + code.slice(at + 1);
        expect(barcodeProblem(typo)).toBeDefined();
      }),
    );
  });
});

describe("changeByPercent", () => {
  it("rounds half up to the minor unit and never goes below zero", () => {
    expect(changeByPercent(minor(250), 1000)).toBe(275);
    expect(changeByPercent(minor(199), -1000)).toBe(179);
    expect(changeByPercent(minor(5), 1000)).toBe(6);
    expect(changeByPercent(minor(100), -10_000)).toBe(0);
    expect(() => changeByPercent(minor(100), -10_001)).toThrow();
    expect(() => changeByPercent(minor(100), 0.5)).toThrow();
  });

  it("is within half a minor unit of the exact result, and monotonic in the change", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: -10_000, max: 100_000 }), (price, change) => {
        const out = changeByPercent(minor(price), change);
        expect(Math.abs(out - (price * (10_000 + change)) / 10_000)).toBeLessThanOrEqual(0.5);
        expect(changeByPercent(minor(price), Math.min(change + 1, 100_000))).toBeGreaterThanOrEqual(out);
      }),
    );
  });
});
