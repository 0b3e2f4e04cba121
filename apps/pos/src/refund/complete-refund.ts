import type { RefundDocument } from "@countertop/domain";
import type { Sale, Shift, Staff } from "@countertop/sync-protocol";
import { uuidv7 } from "uuidv7";
import type { Till } from "../app/till";
import type { PosDatabase } from "../data/replica";
import { nextNumber } from "../pay/receipt-number";
import { refundPayments } from "./refund";

/**
 * Writes an approved refund to the local replica — a new sale of kind `refund` on the register's
 * receipt sequence, pointing at the original — and resolves once IndexedDB has it: only then may its
 * receipt show. Replication pushes it like a sale; the server never rejects it.
 */
export async function completeRefund(input: {
  readonly db: PosDatabase;
  readonly till: Till;
  readonly shift: Shift;
  readonly staff: Staff;
  /** The sale being refunded. */
  readonly sale: Sale;
  /** Lines and totals, from `refundFor`. */
  readonly refund: RefundDocument;
  /** Back to the original payment methods, or all in cash. */
  readonly to: "original" | "cash";
  /** The manager whose PIN approved this refund; recorded as `approvedBy` and one `refund` approval, which the server keeps for review. */
  readonly approvedBy: Staff;
}): Promise<Sale> {
  const { db, till, shift, staff, sale, refund, to, approvedBy } = input;
  const now = new Date().toISOString();
  const document: Sale = {
    id: uuidv7(),
    kind: "refund",
    status: "completed",
    number: await nextNumber(db, till),
    registerId: till.deviceId,
    locationId: till.locationId,
    shiftId: shift.id,
    staffId: staff.id,
    ...(sale.customerId ? { customerId: sale.customerId } : {}),
    originalSaleId: sale.id,
    currency: sale.currency,
    taxMode: sale.taxMode,
    lines: refund.lines.map((l) => ({ ...l })),
    promotionIds: [],
    subtotal: refund.subtotal,
    discountTotal: refund.discountTotal,
    taxTotal: refund.taxTotal,
    total: refund.total,
    payments: refundPayments(sale, refund.total, to),
    approvedBy: approvedBy.id,
    approvals: [{ staffId: approvedBy.id, action: "refund", at: now }],
    createdAt: now,
    _deleted: false,
  };
  await db.sales.insert(document);
  return document;
}
