import { describe, expect, it } from "vitest";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { promotionSchema } from "./promotion.ts";

const promotion = examples.promotions;
const base = { id: "p-2", name: "Winter", active: true, updatedAt: promotion.updatedAt, _deleted: false };

describe("promotionSchema", () => {
  it.each([
    ["a 10 % order coupon", { kind: "order_percent", value: 1000, code: "WINTER10" }],
    ["5.00 off orders over 40.00", { kind: "order_fixed", value: 500, minSubtotal: 4000 }],
    ["15 % off a category", { kind: "category_percent", value: 1500, categoryId: "kitchen" }],
  ])("accepts %s", (_label, fields) => {
    expect(promotionSchema.safeParse({ ...base, ...fields }).success).toBe(true);
  });

  it.each(["name", "kind", "value", "active", "updatedAt"])("rejects a promotion without %s", (key) => {
    expect(promotionSchema.safeParse(without(promotion, [key])).success).toBe(false);
  });

  it.each([
    ["a percent over 100 %", { kind: "order_percent", value: 10_001 }],
    ["category_percent without a category", { kind: "category_percent", value: 1000 }],
    ["buy_x_get_y without getQty", { ...(without(promotion, ["getQty"]) as object) }],
    ["a fractional value", { kind: "order_fixed", value: 4.5 }],
    ["a negative value", { kind: "order_fixed", value: -500 }],
    ["a free item over 100 %", { ...promotion, getPercent: 10_001 }],
    ["a zero buyQty", { ...promotion, buyQty: 0 }],
    ["an end before its start", { ...promotion, endsAt: "2026-10-01T00:00:00Z" }],
  ])("rejects %s", (_label, fields) => {
    expect(promotionSchema.safeParse({ ...base, ...fields }).success).toBe(false);
  });

  it("rejects an unknown kind", () => {
    expect(promotionSchema.safeParse(withField(promotion, ["kind"], "happy_hour")).success).toBe(false);
  });
});
