import { describe, expect, it } from "vitest";
import { moneyFormatter } from "./format.ts";

describe("moneyFormatter", () => {
  it("writes minor units the way the shop's locale writes its currency", () => {
    expect(moneyFormatter("EUR", "de-DE")(123456)).toBe("1.234,56\u00a0€");
    expect(moneyFormatter("USD", "en-US")(-1005)).toBe("-$10.05");
    expect(moneyFormatter("JPY", "en-US")(1500)).toBe("¥1,500");
  });

  it("refuses a fraction of a minor unit rather than rounding it away", () => {
    expect(() => moneyFormatter("EUR", "de-DE")(19.99)).toThrow();
  });
});
