import { describe, expect, it } from "vitest";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { MAX_LINES } from "./sale-line.ts";
import { saleSchema } from "./sale.ts";

const sale = examples.sales;
const line = sale.lines[0];

describe("saleSchema", () => {
  it("accepts a refund of another sale, paid back by card", () => {
    const refund = {
      ...sale,
      id: "refund-1",
      kind: "refund",
      originalSaleId: sale.id,
      payments: [{ method: "card", amount: 2160, reference: "auth 0042" }],
    };
    expect(saleSchema.safeParse(refund).success).toBe(true);
  });

  it("defaults promotionIds to []", () => {
    expect(saleSchema.parse(without(sale, ["promotionIds"])).promotionIds).toEqual([]);
  });

  it("accepts a fixed cart discount and a split payment", () => {
    const split = {
      ...sale,
      cartDiscount: { type: "fixed", value: 100 },
      payments: [
        { method: "cash", amount: 1000 },
        { method: "card", amount: 1160 },
      ],
    };
    expect(saleSchema.safeParse(split).success).toBe(true);
  });

  it.each([
    "kind",
    "status",
    "number",
    "registerId",
    "locationId",
    "shiftId",
    "staffId",
    "currency",
    "taxMode",
    "lines",
    "subtotal",
    "discountTotal",
    "taxTotal",
    "total",
    "payments",
    "createdAt",
  ])("rejects a sale without %s", (key) => {
    expect(saleSchema.safeParse(without(sale, [key])).success).toBe(false);
  });

  it.each(["id", "variantId", "sku", "name", "qty", "unitPrice", "discount", "taxRate", "tax", "total"])(
    "rejects a line without %s",
    (key) => {
      expect(saleSchema.safeParse(without(sale, ["lines", 0, key])).success).toBe(false);
    },
  );

  it.each<[string, (string | number)[], unknown]>([
    ["a negative qty", ["lines", 0, "qty"], -1],
    ["a zero qty", ["lines", 0, "qty"], 0],
    ["a fractional qty", ["lines", 0, "qty"], 1.5],
    ["a fractional unit price", ["lines", 0, "unitPrice"], 12.5],
    ["a negative unit price", ["lines", 0, "unitPrice"], -1200],
    ["a fractional total", ["total"], 21.6],
    ["a money string", ["total"], "2160"],
    ["a tax rate over 100000 bp", ["lines", 0, "taxRate"], 100_001],
    ["a percent discount over 100 %", ["lines", 0, "manualDiscount"], { type: "percent", value: 10_001 }],
    ["an unknown discount type", ["cartDiscount"], { type: "bogo", value: 1 }],
    ["a pending sale", ["status"], "pending"],
    ["an unknown kind", ["kind"], "void"],
    ["a lower-case currency", ["currency"], "eur"],
    ["an unknown payment method", ["payments", 0, "method"], "crypto"],
    ["a fractional payment", ["payments", 0, "amount"], 0.5],
    ["negative change", ["payments", 0, "change"], -1],
    ["a date without offset", ["createdAt"], "2026-11-22T10:15:00"],
    ["a date that is not one", ["createdAt"], "yesterday"],
    ["no lines", ["lines"], []],
    ["two lines with one id", ["lines"], [line, line]],
    ["too many lines", ["lines"], Array.from({ length: MAX_LINES + 1 }, (_, i) => ({ ...line, id: `l${i}` }))],
    ["a name over 200 characters", ["lines", 0, "name"], "x".repeat(201)],
  ])("rejects %s", (_label, path, value) => {
    expect(saleSchema.safeParse(withField(sale, path, value)).success).toBe(false);
  });

  it("keeps unknown fields on lines and payments", () => {
    const value = withField(withField(sale, ["lines", 0, "serial"], "SN-1"), ["payments", 0, "terminal"], "T1");
    expect(saleSchema.parse(value)).toEqual(value);
  });
});
