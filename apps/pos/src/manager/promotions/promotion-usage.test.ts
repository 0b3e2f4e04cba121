import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { openTestLocal } from "../../testing/test-local";
import { reportSale } from "../../testing/test-sale";
import { openTestReplica } from "../../testing/test-till";
import { catchUpReports } from "../reports/report-store";
import { promotionUsage } from "./promotion-usage";

describe("promotion usage", () => {
  const promo = { ...examples.promotions, id: "p1", code: "WELCOME" };
  const other = { ...examples.promotions, id: "p2", code: undefined };
  const now = { now: new Date("2026-11-25T12:00:00Z") };
  const sale = (id: string, at: string, promotionIds: string[]) => ({ ...reportSale(id, at), promotionIds, discountTotal: 300 });

  it("counts, in the report store, sales that applied it, takes refunds back, and adds online orders with its code while they count", async () => {
    const [db, local] = [await openTestReplica(), openTestLocal()];
    await db.sales.bulkInsert([
      sale("s1", "2026-11-23T10:00:00Z", ["p1"]),
      sale("s2", "2026-11-24T10:00:00Z", ["p1", "p2"]),
      { ...sale("r1", "2026-11-24T11:00:00Z", ["p1"]), kind: "refund" as const },
      sale("s3", "2026-11-24T12:00:00Z", []),
    ]);
    const order = {
      ...examples.orders,
      couponCode: "welcome",
      discountTotal: 500,
      status: "paid" as const,
      createdAt: "2026-11-24T09:00:00Z",
    };
    await db.orders.bulkInsert([order, { ...order, id: crypto.randomUUID(), status: "cancelled" as const }]);
    await catchUpReports(db, local, "UTC", now);
    const usage = promotionUsage([promo, other], await local.reportPromotions.toArray());
    expect(usage.get("p1")).toEqual({ uses: 2, discounts: 800 });
    expect(usage.get("p2")).toEqual({ uses: 1, discounts: 300 });

    // The order is cancelled later: its use goes.
    await (await db.orders.findOne(order.id).exec())!.incrementalPatch({ status: "cancelled" });
    await catchUpReports(db, local, "UTC", now);
    expect(promotionUsage([promo], await local.reportPromotions.toArray()).get("p1")).toEqual({ uses: 1, discounts: 300 });
  });

  it("says nothing was used of a promotion no sale or order applied", () => {
    expect(promotionUsage([promo], []).get("p1")).toEqual({ uses: 0, discounts: 0 });
  });
});
