import { describe, expect, it } from "vitest";
import { DomainErrorCode } from "../errors.ts";
import { minor, qty } from "../units.ts";
import { cashVariance, expectedCash } from "./cash.ts";
import { countCash, DENOMINATIONS } from "./denominations.ts";

describe("expected cash", () => {
  it("is float + cash kept from sales − cash refunded + pay-ins − pay-outs", () => {
    const documents = [
      { kind: "sale" as const, payments: [{ method: "cash" as const, amount: minor(1250), tendered: minor(2000), change: minor(750) }] },
      {
        kind: "sale" as const,
        payments: [
          { method: "card" as const, amount: minor(900) },
          { method: "cash" as const, amount: minor(100) },
        ],
      },
      { kind: "refund" as const, payments: [{ method: "cash" as const, amount: minor(300) }] },
    ];
    const movements = [
      { kind: "pay_in" as const, amount: minor(500) },
      { kind: "pay_out" as const, amount: minor(200) },
    ];
    expect(expectedCash(minor(10_000), documents, movements)).toEqual({
      openingFloat: 10_000,
      cashSales: 1350,
      cashRefunds: 300,
      payIns: 500,
      payOuts: 200,
      expected: 11_350,
    });
    expect(cashVariance(minor(11_300), minor(11_350))).toBe(-50);
    expect(cashVariance(minor(11_350), minor(11_350))).toBe(0);
  });
});

describe("countCash", () => {
  it("totals a drawer count", () => {
    expect(
      countCash(
        [
          { value: minor(2000), count: qty(3) },
          { value: minor(25), count: qty(4) },
          { value: minor(1), count: qty(0) },
        ],
        "USD",
      ),
    ).toBe(6100);
    expect(countCash([{ value: minor(250), count: qty(2) }], "KWD")).toBe(500);
    expect(countCash([{ value: minor(7), count: qty(2) }])).toBe(14);
    expect(countCash([], "EUR")).toBe(0);
  });

  it("refuses a note the currency does not have, and negative counts", () => {
    expect(() => countCash([{ value: minor(25), count: qty(1) }], "EUR")).toThrow(
      expect.objectContaining({ code: DomainErrorCode.InvalidDenomination }),
    );
    expect(() => countCash([{ value: minor(100), count: qty(-1) }], "EUR")).toThrow(
      expect.objectContaining({ code: DomainErrorCode.InvalidQuantity }),
    );
    expect(() => countCash([{ value: minor(100), count: qty(1) }], "XXX")).toThrow(
      expect.objectContaining({ code: DomainErrorCode.UnknownCurrency }),
    );
  });

  it("lists denominations largest first, all positive and distinct", () => {
    for (const values of Object.values(DENOMINATIONS)) {
      expect([...values].sort((a, b) => b - a)).toEqual(values);
      expect(new Set(values).size).toBe(values.length);
      expect(values.every((v) => v > 0)).toBe(true);
    }
  });
});
