import { describe, expect, it } from "vitest";
import { formatShopDate, parseShopDate, shopFormat } from "./locale.ts";

describe("the shop's formats", () => {
  const at = "2026-11-29T01:47:33.000Z";

  it("write dates and times in the shop's locale and time zone, not the device's", () => {
    const berlin = shopFormat({ locale: "de-DE", currency: "EUR", timeZone: "Europe/Berlin" });
    expect(berlin.date(at)).toBe("29.11.2026");
    expect(berlin.time(at)).toBe("02:47");
    expect(berlin.money(123456)).toBe("1.234,56\u00a0€");
    expect(berlin.datePattern).toBe("DD.MM.YYYY");
    const ny = shopFormat({ locale: "en-US", currency: "USD", timeZone: "America/New_York" });
    expect(ny.time(at)).toMatch(/^8:47\sPM$/);
    expect(ny.day(at)).toBe("2026-11-28");
    expect(ny.datePattern).toBe("MM/DD/YYYY");
  });

  it("read a typed date in the shop's pattern, and refuse impossible ones", () => {
    expect(parseShopDate("29.11.2026", "DD.MM.YYYY")).toBe("2026-11-29");
    expect(parseShopDate("1.2.2026", "DD.MM.YYYY")).toBe("2026-02-01");
    expect(parseShopDate("11/29/2026", "MM/DD/YYYY")).toBe("2026-11-29");
    expect(parseShopDate("31.02.2026", "DD.MM.YYYY")).toBeUndefined();
    expect(parseShopDate("tomorrow", "DD.MM.YYYY")).toBeUndefined();
    expect(formatShopDate("2026-11-29", "DD.MM.YYYY")).toBe("29.11.2026");
  });
});
