import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainErrorCode } from "../errors.ts";
import { formatReceiptNumber, nextReceiptNumber, parseReceiptNumber } from "./receipt-number.ts";

describe("receipt numbers", () => {
  it("makes the register's next number from its prefix and last sequence", () => {
    expect(nextReceiptNumber("R2", 122)).toEqual({ prefix: "R2", sequence: 123, number: "R2-000123" });
    expect(nextReceiptNumber("R2", 0).number).toBe("R2-000001");
    expect(nextReceiptNumber("TILL_A", 999_999).number).toBe("TILL_A-1000000");
    expect(formatReceiptNumber("X", 5, 3)).toBe("X-005");
  });

  it("parses a number back", () => {
    expect(parseReceiptNumber("R2-000123")).toEqual({ prefix: "R2", sequence: 123 });
    for (const bad of ["", "R2", "R2-", "-000123", "R2-00a1", "R2-000000", "R 2-1", "R2-1-2"]) {
      expect(() => parseReceiptNumber(bad)).toThrow(expect.objectContaining({ code: DomainErrorCode.InvalidReceiptNumber }));
    }
  });

  it("refuses bad prefixes and sequences", () => {
    expect(() => formatReceiptNumber("R-2", 1)).toThrow(expect.objectContaining({ code: DomainErrorCode.InvalidReceiptNumber }));
    expect(() => formatReceiptNumber("R2", 0)).toThrow();
    expect(() => nextReceiptNumber("R2", -1)).toThrow();
    expect(() => nextReceiptNumber("R2", 1.5)).toThrow();
  });

  it("round-trips and strictly increases", () => {
    const prefix = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_]{0,7}$/);
    fc.assert(
      fc.property(prefix, fc.integer({ min: 0, max: 1e12 }), (p, last) => {
        const next = nextReceiptNumber(p, last);
        expect(parseReceiptNumber(next.number)).toEqual({ prefix: p, sequence: last + 1 });
        expect(next.sequence).toBe(last + 1);
      }),
    );
  });
});
