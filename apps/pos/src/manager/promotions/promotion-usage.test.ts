import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { promotionUsage } from "./promotion-usage";

describe("promotion usage", () => {
  const promo = { ...examples.promotions, id: "p1", code: "WELCOME" };
  const sale = { ...examples.sales, promotionIds: ["p1"], discountTotal: 300 };

  it("counts sales that applied it, takes refunds back, and adds online orders with its code", () => {
    const refund = { ...sale, id: "r1", kind: "refund" as const };
    const order = { ...examples.orders, couponCode: "welcome", discountTotal: 500, status: "paid" as const };
    const cancelled = { ...order, id: "o2", status: "cancelled" as const };
    expect(promotionUsage([promo], [sale, { ...sale, id: "s2" }, refund], [order, cancelled]).get("p1")).toEqual({
      uses: 2,
      discounts: 800,
    });
  });
});
