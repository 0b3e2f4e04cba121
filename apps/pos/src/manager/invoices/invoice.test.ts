import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { invoiceOfSale, taxBands } from "./invoice";

describe("an invoice's tax per rate", () => {
  it("sums each rate's lines, net plus tax equal to gross, in an inclusive shop", () => {
    const lines = [
      { taxRate: 700, total: 107, tax: 7 },
      { taxRate: 1900, total: 238, tax: 38 },
      { taxRate: 700, total: 214, tax: 14 },
    ];
    expect(taxBands(lines, "inclusive")).toEqual([
      { rate: 700, net: 300, tax: 21, gross: 321 },
      { rate: 1900, net: 200, tax: 38, gross: 238 },
    ]);
  });

  it("adds the tax on top in an exclusive shop, and its bands add up to the sale's tax", () => {
    expect(taxBands([{ taxRate: 2000, total: 1000, tax: 200 }], "exclusive")).toEqual([{ rate: 2000, net: 1000, tax: 200, gross: 1200 }]);
    const sale = examples.sales;
    const bands = taxBands(invoiceOfSale(sale).lines, sale.taxMode);
    expect(bands.reduce((n, b) => n + b.tax, 0)).toBe(sale.taxTotal);
  });
});
