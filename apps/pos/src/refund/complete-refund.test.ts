import type { Sale } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { nextNumber } from "../pay/receipt-number";
import { openTestReplica, TEST_TILL, useMemoryLocalStorage } from "../testing/test-till";
import { testSale } from "../testing/test-sale";
import { completeRefund } from "./complete-refund";
import { refundFor } from "./refund";

const cashier = { ...examples.staff, id: "0193a1b2-0000-7000-8000-0000000000c1", role: "cashier" as const };
const manager = { ...examples.staff, id: "0193a1b2-0000-7000-8000-0000000000c2", role: "manager" as const };
const shift = { ...examples.shifts, status: "open" as const, registerId: TEST_TILL.deviceId };

describe("completeRefund", () => {
  useMemoryLocalStorage();

  it("writes the refund to the replica as a sale of kind refund, on the register's receipt sequence", async () => {
    const db = await openTestReplica();
    const sale = testSale([{ variant: 0, qty: 2 }], { pay: (total) => [{ method: "card", amount: total, reference: "TERM-7" }] });
    await db.sales.insert({ ...sale, number: await nextNumber(db, TEST_TILL) });
    const body = refundFor(sale, [], new Map([[sale.lines[0]!.id, 1]]))!;

    const refund = await completeRefund({
      db,
      till: TEST_TILL,
      shift,
      staff: cashier,
      sale,
      refund: body,
      to: "original",
      approvedBy: manager,
    });

    expect(refund).toMatchObject({
      kind: "refund",
      number: "T1-000002",
      originalSaleId: sale.id,
      registerId: TEST_TILL.deviceId,
      locationId: TEST_TILL.locationId,
      shiftId: shift.id,
      staffId: cashier.id,
      approvedBy: manager.id,
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
    const db = await openTestReplica();
    const { customerId: _none, ...anonymous } = testSale([{ variant: 1, qty: 1, percentOff: 2500 }], {
      pay: (total) => [{ method: "card", amount: total }],
    });
    const sale: Sale = anonymous;
    const body = refundFor(sale, [], new Map([[sale.lines[0]!.id, 1]]))!;

    const refund = await completeRefund({
      db,
      till: TEST_TILL,
      shift,
      staff: cashier,
      sale,
      refund: body,
      to: "cash",
      approvedBy: manager,
    });

    expect(refund.total).toBe(900);
    expect(refund.payments).toEqual([{ method: "cash", amount: 900 }]);
    expect(refund).not.toHaveProperty("customerId");
  });
});
