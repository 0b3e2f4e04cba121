import { describe, expect, it } from "vitest";
import { bp, minor, qty } from "../units.ts";
import { addMinor, maxMinor, minMinor, mulQty, percentOf, subMinor, sumBy, sumMinor } from "./arithmetic.ts";

describe("minor arithmetic", () => {
  it("adds, subtracts and sums exactly", () => {
    expect(addMinor(minor(10), minor(-3))).toBe(7);
    expect(subMinor(minor(10), minor(30))).toBe(-20);
    expect(sumMinor([])).toBe(0);
    expect(sumMinor([minor(1), minor(2), minor(3)])).toBe(6);
    expect(sumBy([{ a: minor(2) }, { a: minor(5) }], (x) => x.a)).toBe(7);
    expect(minMinor(minor(2), minor(5))).toBe(2);
    expect(maxMinor(minor(2), minor(5))).toBe(5);
  });

  it("multiplies by a quantity and refuses overflow past 2^53", () => {
    expect(mulQty(minor(1999), qty(3))).toBe(5997);
    expect(() => mulQty(minor(2 ** 40), qty(2 ** 20))).toThrow();
    expect(() => addMinor(minor(Number.MAX_SAFE_INTEGER), minor(1))).toThrow();
  });

  it("takes a percentage with the given rounding", () => {
    expect(percentOf(minor(1999), bp(1000), "half_up")).toBe(200);
    expect(percentOf(minor(1999), bp(1000), "down")).toBe(199);
    expect(percentOf(minor(25), bp(5000), "half_even")).toBe(12);
  });
});
