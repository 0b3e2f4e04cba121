import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountText, decimalSeparator, parseAmount, parsePercent, percentText } from "./decimal.ts";

describe("numbers in the shop's locale", () => {
  it("knows each locale's decimal separator", () => {
    expect(decimalSeparator("de-DE")).toBe(",");
    expect(decimalSeparator("en-US")).toBe(".");
  });

  it("writes amounts as a person types them, without currency or grouping", () => {
    expect(amountText(250, "EUR", "de-DE")).toBe("2,50");
    expect(amountText(123456, "EUR", "de-DE")).toBe("1234,56");
    expect(amountText(250, "USD", "en-US")).toBe("2.50");
    expect(amountText(1500, "JPY", "ja-JP")).toBe("1500");
  });

  it("reads the locale's separator, and a dot where the locale uses a comma", () => {
    expect(parseAmount("2,5", "EUR", "de-DE")).toBe(250);
    expect(parseAmount("2.5", "EUR", "de-DE")).toBe(250);
    expect(parseAmount(" 10 ", "EUR", "de-DE")).toBe(1000);
    expect(parseAmount("2.5", "USD", "en-US")).toBe(250);
    expect(() => parseAmount("2,5", "USD", "en-US")).toThrow();
    expect(() => parseAmount("abc", "EUR", "de-DE")).toThrow();
  });

  it("reads back every amount it writes, in either locale", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), fc.constantFrom("de-DE", "en-US", "fr-FR"), (amount, locale) => {
        expect(parseAmount(amountText(amount, "EUR", locale), "EUR", locale)).toBe(amount);
      }),
    );
  });

  it("writes and reads percentages in the locale", () => {
    expect(percentText(750, "de-DE")).toBe("7,5\u00a0%");
    expect(percentText(1900, "en-US")).toBe("19%");
    // With a number of decimals, always that many (a report's figures read side by side).
    expect(percentText(3812, "en-US", 1)).toBe("38.1%");
    expect(percentText(3800, "de-DE", 1)).toBe("38,0\u00a0%");
    expect(percentText(-125, "de-DE", 1)).toBe("-1,3\u00a0%");
    expect(parsePercent("12,5", "de-DE")).toBe(1250);
    expect(parsePercent("12.5", "de-DE")).toBe(1250);
    expect(parsePercent("10 %", "en-US")).toBe(1000);
    expect(parsePercent("ten", "en-US")).toBeUndefined();
  });
});
