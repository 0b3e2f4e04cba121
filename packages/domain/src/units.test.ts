import { describe, expect, it } from "vitest";
import { DomainError, DomainErrorCode, isDomainError } from "./errors.ts";
import { bp, isBasisPoints, isMinor, minor, nonNegativeMinor, percentBp, positiveQty, qty } from "./units.ts";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return isDomainError(e) ? e.code : "not a DomainError";
  }
  return "no error";
};

describe("unit constructors", () => {
  it("accept safe integers and keep the value", () => {
    expect(minor(1999)).toBe(1999);
    expect(minor(-5)).toBe(-5);
    expect(bp(2000)).toBe(2000);
    expect(qty(-3)).toBe(-3);
    expect(positiveQty(1)).toBe(1);
    expect(percentBp(10_000)).toBe(10_000);
  });

  it("refuse floats, NaN, unsafe and out-of-range values with typed codes", () => {
    expect(codeOf(() => minor(19.99))).toBe(DomainErrorCode.InvalidAmount);
    expect(codeOf(() => minor(Number.NaN))).toBe(DomainErrorCode.InvalidAmount);
    expect(codeOf(() => minor(2 ** 53))).toBe(DomainErrorCode.InvalidAmount);
    expect(codeOf(() => nonNegativeMinor(-1))).toBe(DomainErrorCode.InvalidAmount);
    expect(codeOf(() => bp(-1))).toBe(DomainErrorCode.InvalidRate);
    expect(codeOf(() => bp(1.5))).toBe(DomainErrorCode.InvalidRate);
    expect(codeOf(() => percentBp(10_001))).toBe(DomainErrorCode.InvalidRate);
    expect(codeOf(() => qty(0.5))).toBe(DomainErrorCode.InvalidQuantity);
    expect(codeOf(() => positiveQty(0))).toBe(DomainErrorCode.InvalidQuantity);
  });

  it("guards agree with constructors", () => {
    expect(isMinor(3)).toBe(true);
    expect(isMinor("3")).toBe(false);
    expect(isBasisPoints(-1)).toBe(false);
  });
});

describe("DomainError", () => {
  it("carries a stable code, a name and details", () => {
    const error = new DomainError(DomainErrorCode.IllegalTransition, "nope", { from: "a" });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("DomainError");
    expect(error.code).toBe("illegal_transition");
    expect(error.details).toEqual({ from: "a" });
    expect(isDomainError(error, DomainErrorCode.IllegalTransition)).toBe(true);
    expect(isDomainError(error, DomainErrorCode.InvalidAmount)).toBe(false);
    expect(isDomainError(new Error("x"))).toBe(false);
  });

  it("has unique code values", () => {
    const values = Object.values(DomainErrorCode);
    expect(new Set(values).size).toBe(values.length);
  });
});
