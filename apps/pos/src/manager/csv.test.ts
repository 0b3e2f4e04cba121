import { describe, expect, it } from "vitest";
import { currencyDigits, decimal, toCsv } from "./csv";

describe("CSV export", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(
      toCsv(
        ["name", "note", "n"],
        [
          ["Tea, green", 'say "hi"', 3],
          ["=SUM(A1)", "line\nbreak", -2],
          [null, undefined, 0],
          ["-12.50", "-x", "@me"],
        ],
      ),
    ).toBe('name,note,n\r\n"Tea, green","say ""hi""",3\r\n\'=SUM(A1),"line\nbreak",-2\r\n,,0\r\n-12.50,\'-x,\'@me\r\n');
  });

  it("writes money as a plain decimal in the currency's digits", () => {
    expect(decimal(1234, 2)).toBe("12.34");
    expect(decimal(-5, 2)).toBe("-0.05");
    expect(decimal(700, 0)).toBe("700");
    expect(currencyDigits("EUR")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
  });
});
