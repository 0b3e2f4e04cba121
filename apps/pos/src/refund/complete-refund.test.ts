import type { RefundDocument } from "@countertop/domain";
import type { Sale } from "@countertop/sync-protocol";
import { describe, expect, it } from "vitest";
import { nextNumber } from "../pay/receipt-number";
import { openTestReplica, TEST_CASHIER, TEST_MANAGER, TEST_SHIFT, TEST_TILL, useMemoryLocalStorage } from "../testing/test-till";
import { testSale } from "../testing/test-sale";
import { completeRefund } from "./complete-refund";
import { refundFor } from "./refund";
import type { PosDatabase } from "../data/replica";

/** The cashier refunds one unit of the sale's first line, approved by the manager. */
async function refundOne(sale: Sale, to: "original" | "cash"): Promise<{ refund: Sale; body: RefundDocument; db: PosDatabase }> {
  const db = await openTestReplica();
  await db.sales.insert({ ...sale, number: await nextNumber(db, TEST_TILL) });
  const body = refundFor(sale, [], new Map([[sale.lines[0]!.id, 1]]))!;
  const refund = await completeRefund({
    db,
    till: TEST_TILL,
    shift: TEST_SHIFT,
    staff: TEST_CASHIER,
    sale,
    refund: body,
    to,
    approvedBy: TEST_MANAGER,
  });
  return { refund, body, db };
}

describe("completeRefund", () => {
  useMemoryLocalStorage();

  it("writes the refund to the replica as a sale of kind refund, on the register's receipt sequence", async () => {
    const sale = testSale([{ variant: 0, qty: 2 }], { pay: (total) => [{ method: "card", amount: total, reference: "TERM-7" }] });
    const { refund, body, db } = await refundOne(sale, "original");

    expect(refund).toMatchObject({
      kind: "refund",
      number: "T1-000002",
      originalSaleId: sale.id,
      registerId: TEST_TILL.deviceId,
      locationId: TEST_TILL.locationId,
      shiftId: TEST_SHIFT.id,
      staffId: TEST_CASHIER.id,
      approvedBy: TEST_MANAGER.id,
      approvals: [{ staffId: TEST_MANAGER.id, action: "refund", at: refund.createdAt }],
      customerId: sale.customerId,
      currency: sale.currency,
      taxMode: sale.taxMode,
      total: 1200,
      payments: [{ method: "card", amount: 1200, reference: "TERM-7" }],
    });
    expect(refund.lines).toEqual(body.lines);
    expect([refund.subtotal, refund.discountTotal, refund.taxTotal]).toEqual([body.subtotal, body.discountTotal, body.taxTotal]);
    const stored = await db.sales.findOne(refund.id).exec();
    expect(stored?.toJSON(true)).toMatchObject(refund);
  });

  it("pays back in cash when asked, and leaves out a customer the sale had none of", async () => {
    const { customerId: _none, ...anonymous } = testSale([{ variant: 1, qty: 1, percentOff: 2500 }], {
      pay: (total) => [{ method: "card", amount: total }],
    });
    const { refund } = await refundOne(anonymous, "cash");

    expect(refund.total).toBe(900);
    expect(refund.payments).toEqual([{ method: "cash", amount: 900 }]);
    expect(refund).not.toHaveProperty("customerId");
  });
});
