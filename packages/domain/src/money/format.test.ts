import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainErrorCode } from "../errors.ts";
import { minor } from "../units.ts";
import { CURRENCY_EXPONENTS, currencyExponent, isCurrencyCode } from "./currency.ts";
import { formatMoney, parseMoney, toDecimalString } from "./format.ts";
import { ROUNDING_MODES } from "./rounding.ts";

/** Intl uses no-break spaces; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("currency exponents", () => {
  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["GBP", 2],
    ["JPY", 0],
    ["KWD", 3],
    ["CHF", 2],
    ["SEK", 2],
    ["NOK", 2],
    ["DKK", 2],
    ["CAD", 2],
    ["AUD", 2],
    ["NZD", 2],
    ["KRW", 0],
    ["BHD", 3],
    ["CLF", 4],
  ] as const)("%s has %i decimals", (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it("refuses unknown codes instead of guessing", () => {
    expect(isCurrencyCode("XXX")).toBe(false);
    expect(isCurrencyCode("toString")).toBe(false);
    expect(() => currencyExponent("usd")).toThrow(expect.objectContaining({ code: DomainErrorCode.UnknownCurrency }));
  });
});

describe("toDecimalString", () => {
  it.each([
    [1005, "EUR", "10.05"],
    [-1005, "EUR", "-10.05"],
    [5, "USD", "0.05"],
    [-5, "USD", "-0.05"],
    [0, "USD", "0.00"],
    [1500, "JPY", "1500"],
    [1, "KWD", "0.001"],
    [Number.MAX_SAFE_INTEGER, "USD", "90071992547409.91"],
  ] as const)("%i %s → %s", (amount, currency, text) => {
    expect(toDecimalString(minor(amount), currency)).toBe(text);
  });
});

describe("formatMoney", () => {
  it("formats with the locale and exactly the currency's decimals", () => {
    expect(formatMoney(minor(123456), "USD", "en-US")).toBe("$1,234.56");
    expect(plain(formatMoney(minor(123456), "EUR", "de-DE"))).toBe("1.234,56 €");
    expect(formatMoney(minor(1500), "JPY", "en-US")).toBe("¥1,500");
    expect(formatMoney(minor(1234), "KWD", "en-US", "code")).toMatch(/^KWD\s1\.234$/);
    expect(formatMoney(minor(-250), "GBP", "en-GB")).toBe("-£2.50");
    expect(formatMoney(minor(Number.MAX_SAFE_INTEGER), "USD", "en-US")).toBe("$90,071,992,547,409.91");
  });
});

describe("parseMoney", () => {
  it.each([
    ["12.5", "USD", 1250],
    ["12", "USD", 1200],
    [".5", "USD", 50],
    ["-0.99", "USD", -99],
    ["+3.10", "EUR", 310],
    [" 7.00 ", "EUR", 700],
    ["1500", "JPY", 1500],
    ["1.234", "KWD", 1234],
    ["2.50000", "USD", 250],
    ["5.", "USD", 500],
  ] as const)("%s %s → %i", (text, currency, expected) => {
    expect(parseMoney(text, currency)).toBe(expected);
  });

  it("accepts a comma decimal separator when told", () => {
    expect(parseMoney("10,50", "EUR", { decimalSeparator: "," })).toBe(1050);
    expect(() => parseMoney("10.50", "EUR", { decimalSeparator: "," })).toThrow();
  });

  it("refuses junk and surplus decimals unless a rounding mode is given", () => {
    for (const text of ["", "abc", "1,234.56", "1e3", "--1", "1.2.3", ".", "NaN"]) {
      expect(() => parseMoney(text, "USD")).toThrow(expect.objectContaining({ code: DomainErrorCode.InvalidMoneyString }));
    }
    expect(() => parseMoney("1.005", "USD")).toThrow(expect.objectContaining({ code: DomainErrorCode.InvalidMoneyString }));
    expect(parseMoney("1.005", "USD", { rounding: "half_even" })).toBe(100);
    expect(parseMoney("1.005", "USD", { rounding: "half_up" })).toBe(101);
    expect(parseMoney("-1.005", "USD", { rounding: "half_up" })).toBe(-101);
    expect(parseMoney("1.5", "JPY", { rounding: "down" })).toBe(1);
    expect(() => parseMoney("99999999999999999", "USD")).toThrow();
  });

  it("round-trips toDecimalString for every currency", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(CURRENCY_EXPONENTS)), fc.maxSafeInteger(), (currency, amount) => {
        expect(parseMoney(toDecimalString(minor(amount), currency), currency)).toBe(amount);
      }),
    );
  });

  it("with extra decimals, equals divRound of the scaled value in every mode", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(...ROUNDING_MODES), (thousandths, mode) => {
        const text = `${thousandths < 0 ? "-" : ""}${(Math.abs(thousandths) / 1000).toFixed(3)}`;
        const parsed = parseMoney(text, "USD", { rounding: mode });
        const exact = thousandths / 10; // in cents
        expect(Math.abs(parsed - exact)).toBeLessThan(1);
        if (Number.isInteger(exact)) expect(parsed).toBe(exact);
      }),
    );
  });
});
