import { DomainError, DomainErrorCode } from "../errors.ts";

/** Every status a storefront order can be in. */
export const ORDER_STATUSES = ["pending_payment", "paid", "ready_for_pickup", "shipped", "completed", "cancelled", "refunded"] as const;

/** The status of a storefront order. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The legal moves. Pickup orders go paid → ready_for_pickup → completed, shipped orders
 * paid → shipped → completed. Cancelling is possible until the goods leave (not once shipped);
 * refunding is possible once paid, including after completion.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ["paid", "cancelled"],
  paid: ["ready_for_pickup", "shipped", "cancelled", "refunded"],
  ready_for_pickup: ["completed", "cancelled", "refunded"],
  shipped: ["completed", "refunded"],
  completed: ["refunded"],
  cancelled: [],
  refunded: [],
};

/** Statuses with no way out. `completed` is not one: a completed order can still be refunded. */
export const TERMINAL_ORDER_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((s) => ORDER_TRANSITIONS[s].length === 0);

/** True when `value` is an {@link OrderStatus}. */
export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === "string" && (ORDER_STATUSES as readonly string[]).includes(value);
}

/** True when nothing can follow `status`. */
export function isTerminalOrderStatus(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}

/** The statuses reachable from `status` in one move. */
export function nextOrderStatuses(status: OrderStatus): readonly OrderStatus[] {
  return ORDER_TRANSITIONS[status];
}

/** True when `from → to` is a legal move (staying put is not a move). */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/**
 * Moves an order from `from` to `to`, or throws `illegal_transition` (the server then answers the
 * push with its own state as the conflict).
 *
 * @example
 * transition("paid", "shipped")      // "shipped"
 * transition("shipped", "cancelled") // throws DomainError illegal_transition
 */
export function transition(from: OrderStatus, to: OrderStatus): OrderStatus {
  if (!canTransition(from, to)) {
    throw new DomainError(DomainErrorCode.IllegalTransition, `An order cannot go from ${from} to ${to}`, { from, to });
  }
  return to;
}

/** Statuses in which an order's goods are still in the shop: reserved, not yet handed over or sent. */
const GOODS_IN_SHOP: readonly OrderStatus[] = ["pending_payment", "paid", "ready_for_pickup"];

/**
 * True when `from → to` puts the order's reserved stock back on the shelf: a cancelled order, or one
 * refunded before its goods left the shop. A refund after shipping or handing over does not — the
 * goods are with the customer; if they come back, the shop books them in as a return.
 *
 * @example
 * restocksOnTransition("paid", "cancelled")     // true
 * restocksOnTransition("shipped", "refunded")   // false
 */
export function restocksOnTransition(from: OrderStatus, to: OrderStatus): boolean {
  return canTransition(from, to) && (to === "cancelled" || to === "refunded") && GOODS_IN_SHOP.includes(from);
}
