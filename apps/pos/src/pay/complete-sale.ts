import type { PricedCart, Settlement } from "@countertop/domain";
import type { Sale, Settings, Shift, Staff } from "@countertop/sync-protocol";
import { uuidv7 } from "uuidv7";
import type { Till } from "../app/till";
import { catalogVersion } from "../data/catalog-version";
import type { PosDatabase } from "../data/replica";
import type { Cart } from "../sell/cart";
import { nextNumber } from "./receipt-number";

/** The managers' approvals the cart collected, as the sale records them; the last approver is `approvedBy`. */
function approvalsOf(cart: Cart): Pick<Sale, "approvals" | "approvedBy"> {
  const approvals = cart.approvals ?? [];
  const last = approvals[approvals.length - 1];
  return last ? { approvals: approvals.map((a) => ({ ...a })), approvedBy: last.staffId } : {};
}

/**
 * Writes the completed sale to the local replica and resolves once IndexedDB has it: only then may
 * the receipt show. Replication pushes it whenever the server is reachable; the server never rejects it.
 */
export async function completeSale(input: {
  readonly db: PosDatabase;
  readonly till: Till;
  readonly shift: Shift;
  readonly staff: Staff;
  readonly settings: Settings;
  readonly cart: Cart;
  readonly priced: PricedCart;
  readonly settlement: Settlement;
  readonly customerId?: string | undefined;
}): Promise<Sale> {
  const { db, till, shift, staff, settings, cart, priced, settlement } = input;
  const number = await nextNumber(db, till);
  const sale: Sale = {
    id: uuidv7(),
    kind: "sale",
    status: "completed",
    number,
    registerId: till.deviceId,
    locationId: till.locationId,
    shiftId: shift.id,
    staffId: staff.id,
    ...(input.customerId ? { customerId: input.customerId } : {}),
    currency: settings.currency,
    taxMode: settings.taxMode,
    lines: priced.lines.map((line, i) => {
      const source = cart.lines[i];
      return {
        ...line,
        ...(source?.categoryId ? { categoryId: source.categoryId } : {}),
        // The cost at the time of sale, so margins stay true when the catalog's cost changes later.
        ...(source?.unitCost !== undefined ? { unitCost: source.unitCost } : {}),
        ...(source?.manualDiscount ? { manualDiscount: source.manualDiscount } : {}),
      };
    }),
    ...(cart.cartDiscount ? { cartDiscount: cart.cartDiscount } : {}),
    promotionIds: priced.appliedPromotions.map((p) => p.promotionId),
    subtotal: priced.subtotal,
    discountTotal: priced.discountTotal,
    taxTotal: priced.taxTotal,
    ...(settlement.cashRoundingAdjustment !== 0 ? { cashRounding: settlement.cashRoundingAdjustment } : {}),
    total: priced.total + settlement.cashRoundingAdjustment,
    payments: settlement.payments.map((p) => ({ ...p })),
    // The catalog the cart was priced with, for the server's re-check.
    ...catalogVersion(),
    ...approvalsOf(cart),
    createdAt: new Date().toISOString(),
    _deleted: false,
  };
  await db.sales.insert(sale);
  return sale;
}
