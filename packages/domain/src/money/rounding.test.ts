import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainErrorCode } from "../errors.ts";
import { divRound, isRoundingMode, ROUNDING_MODES, type RoundingMode } from "./rounding.ts";

/** Exact rational rounding by a different route (floor + doubled fraction), as the oracle. */
function reference(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  let n = numerator;
  let d = denominator;
  if (d < 0n) [n, d] = [-n, -d];
  const floor = n >= 0n ? n / d : -((-n + d - 1n) / d);
  const twiceFraction = 2n * (n - floor * d); // 2·frac·d, in [0, 2d)
  if (twiceFraction === 0n) return floor;
  const ceil = floor + 1n;
  const positive = n > 0n;
  switch (mode) {
    case "down":
      return positive ? floor : ceil;
    case "up":
      return positive ? ceil : floor;
    case "half_up":
      if (twiceFraction !== d) return twiceFraction < d ? floor : ceil;
      return positive ? ceil : floor;
    case "half_even":
      if (twiceFraction !== d) return twiceFraction < d ? floor : ceil;
      return floor % 2n === 0n ? floor : ceil;
  }
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

describe("divRound", () => {
  it.each([
    [5, 2, "half_up", 3],
    [-5, 2, "half_up", -3],
    [5, 2, "half_even", 2],
    [7, 2, "half_even", 4],
    [-5, 2, "half_even", -2],
    [29, 10, "down", 2],
    [-29, 10, "down", -2],
    [21, 10, "up", 3],
    [-21, 10, "up", -3],
    [6, -4, "half_up", -2],
    [10, 5, "up", 2],
  ] as const)("divRound(%i, %i, %s) = %i", (n, d, mode, expected) => {
    expect(divRound(n, d, mode)).toBe(expected);
  });

  it("is exact where floats drift: VAT inside €10.00 at 20 % is 167", () => {
    expect(divRound(1000n * 2000n, 12000n, "half_up")).toBe(167);
    // 2^60 / 3 cannot be represented by a float division without error
    expect(divRound(2n ** 60n, 3n * 2n ** 10n, "down")).toBe(Number(2n ** 60n / (3n * 2n ** 10n)));
  });

  it("refuses a zero denominator, non-integers and results beyond 2^53", () => {
    expect(() => divRound(1, 0, "half_up")).toThrow(expect.objectContaining({ code: DomainErrorCode.DivisionByZero }));
    expect(() => divRound(1.5, 1, "half_up")).toThrow(expect.objectContaining({ code: DomainErrorCode.InvalidAmount }));
    expect(() => divRound(2n ** 60n, 1n, "half_up")).toThrow(expect.objectContaining({ code: DomainErrorCode.InvalidAmount }));
  });

  it("matches exact rational rounding (BigInt reference) for all modes", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 90n), max: 2n ** 90n }),
        fc.bigInt({ min: 1n, max: 2n ** 45n }),
        fc.boolean(),
        fc.constantFrom(...ROUNDING_MODES),
        (n, dAbs, negate, mode) => {
          const d = negate ? -dAbs : dAbs;
          const expected = reference(n, d, mode);
          if (expected > MAX || expected < -MAX) {
            expect(() => divRound(n, d, mode)).toThrow();
          } else {
            expect(divRound(n, d, mode)).toBe(Number(expected));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("matches the reference on small numbers, where ties are frequent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -12, max: 12 }).filter((d) => d !== 0),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, mode) => {
          expect(divRound(n, d, mode)).toBe(Number(reference(BigInt(n), BigInt(d), mode)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("stays within one unit of the exact quotient, half a unit for half modes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, mode) => {
          const error = Math.abs(divRound(n, d, mode) * d - n); // |result − n/d| · d
          expect(error).toBeLessThan(d);
          if (mode.startsWith("half")) expect(2 * error).toBeLessThanOrEqual(d);
        },
      ),
    );
  });

  it("knows its modes", () => {
    expect(ROUNDING_MODES.every(isRoundingMode)).toBe(true);
    expect(isRoundingMode("floor")).toBe(false);
  });
});
