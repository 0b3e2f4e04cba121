import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { priorRefund, refundableSale, zReportDocument } from "./domain-sale";

const sale = examples.sales;
const [line] = sale.lines;

describe("sales in the domain's units", () => {
  it("keep every amount, quantity and rate of the replicated sale", () => {
    expect(refundableSale(sale)).toMatchObject({
      id: sale.id,
      lines: [
        {
          id: line!.id,
          variantId: line!.variantId,
          sku: "MUG-BLU",
          name: "Mug — blue",
          qty: 2,
          unitPrice: 1200,
          discount: 240,
          taxRate: 2000,
          tax: 360,
          total: 2160,
        },
      ],
    });
    expect(zReportDocument(sale)).toMatchObject({
      kind: "sale",
      discountTotal: 240,
      taxTotal: 360,
      total: 2160,
      payments: [{ method: "cash", amount: 2160, tendered: 3000, change: 840 }],
    });
  });

  it("say which sale a refund returns", () => {
    expect(priorRefund({ ...sale, kind: "refund", originalSaleId: "s-1" }).originalSaleId).toBe("s-1");
    expect(priorRefund(sale)).not.toHaveProperty("originalSaleId");
  });

  it("refuse a fraction where the domain counts whole units", () => {
    expect(() => zReportDocument({ ...sale, total: 21.6 })).toThrow();
    expect(() => refundableSale({ ...sale, lines: [{ ...line!, qty: 1.5 }] })).toThrow();
  });
});
