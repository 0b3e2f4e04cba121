import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainErrorCode } from "../errors.ts";
import { minor } from "../units.ts";
import { allocateLargestRemainder } from "./allocate.ts";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("allocateLargestRemainder", () => {
  it("splits with the leftover units going to the largest remainders, earlier first on ties", () => {
    expect(allocateLargestRemainder(minor(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateLargestRemainder(minor(500), [1000, 3000])).toEqual([125, 375]);
    expect(allocateLargestRemainder(minor(10), [1, 2, 7])).toEqual([1, 2, 7]);
    expect(allocateLargestRemainder(minor(1), [2000, 999, 1])).toEqual([1, 0, 0]);
    expect(allocateLargestRemainder(minor(-100), [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocateLargestRemainder(minor(0), [0, 0])).toEqual([0, 0]);
    expect(allocateLargestRemainder(minor(0), [])).toEqual([]);
  });

  it("refuses negative or fractional weights and a total over zero weights", () => {
    expect(() => allocateLargestRemainder(minor(5), [1, -1])).toThrow(expect.objectContaining({ code: DomainErrorCode.InvalidAllocation }));
    expect(() => allocateLargestRemainder(minor(5), [1.5])).toThrow(expect.objectContaining({ code: DomainErrorCode.InvalidAllocation }));
    expect(() => allocateLargestRemainder(minor(5), [0, 0])).toThrow(expect.objectContaining({ code: DomainErrorCode.InvalidAllocation }));
    // money must not vanish: nothing to allocate over
    expect(() => allocateLargestRemainder(minor(7), [])).toThrow(expect.objectContaining({ code: DomainErrorCode.InvalidAllocation }));
  });

  const weights = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 20 }).filter((w) => sum(w) > 0);

  it("always sums exactly and each part is the floor or ceiling of its exact share", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), weights, (total, ws) => {
        const parts = allocateLargestRemainder(minor(total), ws);
        expect(parts).toHaveLength(ws.length);
        expect(sum(parts)).toBe(total);
        const W = BigInt(sum(ws));
        ws.forEach((w, i) => {
          const exact = BigInt(Math.abs(total)) * BigInt(w); // share·W
          const part = BigInt(Math.abs(parts[i] ?? NaN));
          expect(part * W <= exact + W - 1n).toBe(true); // part ≤ ceil(share)
          expect(part * W >= exact - W + 1n).toBe(true); // part ≥ floor(share)
          if (w === 0) expect(parts[i]).toBe(0);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("never gives a part more than its weight when the total fits in the weights", () => {
    fc.assert(
      fc.property(weights, fc.double({ min: 0, max: 1, noNaN: true }), (ws, fraction) => {
        const total = Math.floor(sum(ws) * fraction);
        const parts = allocateLargestRemainder(minor(total), ws);
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(ws[i] ?? 0);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("gives equal weights parts that differ by at most one unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 50 }), (total, n) => {
        const parts = allocateLargestRemainder(
          minor(total),
          Array.from({ length: n }, () => 1),
        );
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
