import { restocksOnTransition, TERMINAL_ORDER_STATUSES, type OrderStatus } from "@countertop/domain";
import type { StockMovement } from "@countertop/sync-protocol";
import { needsRefund, refundJob } from "../../../checkout/refunds";
import { refusal, type PushPlan } from "../push-plan";
import { orderMailJob } from "../../../orders/order-mail-job";
import { MAILED_STATUSES } from "../../../orders/order-mail-text";
import { readOrderMovements } from "../push.repository";

/**
 * The movements that put an order's reserved stock back (`order_cancel`), one per `order` movement
 * made at checkout, with ids derived from them so they are written once however often the push comes.
 */
export function orderCancelMovements(orderMovements: readonly StockMovement[], now: Date): StockMovement[] {
  return orderMovements
    .filter((m) => m.reason === "order")
    .map((m) => ({
      id: `${m.id}:cancel`,
      locationId: m.locationId,
      variantId: m.variantId,
      delta: -m.delta,
      reason: "order_cancel",
      ...(m.refId !== undefined ? { refId: m.refId } : {}),
      occurredAt: now.toISOString(),
      _deleted: false,
    }));
}

/**
 * Orders move through the domain's state machine. An order cancelled (or refunded before its goods
 * left) puts its reserved stock back; only a push that ends an order can do that, so only then are
 * checkout's movements read.
 */
/** The moves of fulfilment a till makes on its own: ready for pickup or shipped, then handed over. */
const FULFILMENT: readonly (readonly [OrderStatus, OrderStatus])[] = [
  ["paid", "ready_for_pickup"],
  ["ready_for_pickup", "completed"],
  ["paid", "shipped"],
  ["shipped", "completed"],
];

export const ordersPlan: PushPlan<"orders"> = {
  collection: "orders",
  writers: {
    // A till fulfils; cancelling or refunding (money back to a card) needs a manager's session.
    device: ({ incoming, master }) =>
      !master || master.status === incoming.status || FULFILMENT.some(([from, to]) => from === master.status && to === incoming.status)
        ? undefined
        : refusal(`A till may not move an order from ${master.status} to ${incoming.status}: a manager signs in to cancel or refund.`),
    manager: true,
  },
  async prepare(io, orders) {
    const ending = orders.filter((o) => TERMINAL_ORDER_STATUSES.includes(o.status));
    const candidates = ending.length > 0 ? orderCancelMovements(await readOrderMovements(io.trx, io.tenantId, ending), io.now) : [];
    return {
      movementCandidates: candidates,
      derive: ({ changes }) => {
        const restocked = new Set(
          changes.filter(({ before, after }) => before && restocksOnTransition(before.status, after.status)).map(({ after }) => after.id),
        );
        return {
          movements: candidates.filter((m) => m.refId !== undefined && restocked.has(m.refId)),
          // A refunded online order gets its money back through the outbox, once, even if the server dies now.
          jobs: [
            ...changes.filter(({ before, after }) => needsRefund(before, after)).map(({ after }) => refundJob(after)),
            // The shopper hears of each status they care about once, after the push commits.
            ...changes
              .filter(({ before, after }) => before && before.status !== after.status && MAILED_STATUSES.includes(after.status))
              .map(({ after }) => orderMailJob(after.id, after.status)),
          ],
        };
      },
    };
  },
};
