import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainErrorCode, isDomainError } from "../errors.ts";
import {
  canTransition,
  isOrderStatus,
  isTerminalOrderStatus,
  nextOrderStatuses,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  TERMINAL_ORDER_STATUSES,
  restocksOnTransition,
  transition,
  type OrderStatus,
} from "./order-state.ts";

const status = fc.constantFrom(...ORDER_STATUSES);

/** Every status reachable from pending_payment, by breadth-first search over the table. */
function reachable(): Set<OrderStatus> {
  const seen = new Set<OrderStatus>(["pending_payment"]);
  const queue: OrderStatus[] = ["pending_payment"];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const next of ORDER_TRANSITIONS[s]) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

describe("order state machine", () => {
  it("follows the pickup and the shipping path", () => {
    expect(
      ["paid", "ready_for_pickup", "completed"].reduce<OrderStatus>((s, to) => transition(s, to as OrderStatus), "pending_payment"),
    ).toBe("completed");
    expect(
      ["paid", "shipped", "completed", "refunded"].reduce<OrderStatus>((s, to) => transition(s, to as OrderStatus), "pending_payment"),
    ).toBe("refunded");
  });

  it("cancels until shipped, refunds once paid", () => {
    expect(["pending_payment", "paid", "ready_for_pickup"].every((s) => canTransition(s as OrderStatus, "cancelled"))).toBe(true);
    expect(canTransition("shipped", "cancelled")).toBe(false);
    expect(canTransition("completed", "cancelled")).toBe(false);
    expect(["paid", "ready_for_pickup", "shipped", "completed"].every((s) => canTransition(s as OrderStatus, "refunded"))).toBe(true);
    expect(canTransition("pending_payment", "refunded")).toBe(false);
    expect(() => transition("shipped", "cancelled")).toThrow(
      expect.objectContaining({ code: DomainErrorCode.IllegalTransition, details: { from: "shipped", to: "cancelled" } }),
    );
  });

  it("has exactly cancelled and refunded as terminal states, with no way out", () => {
    expect([...TERMINAL_ORDER_STATUSES].sort()).toEqual(["cancelled", "refunded"]);
    for (const s of TERMINAL_ORDER_STATUSES) {
      expect(isTerminalOrderStatus(s)).toBe(true);
      expect(nextOrderStatuses(s)).toEqual([]);
      for (const to of ORDER_STATUSES) expect(canTransition(s, to)).toBe(false);
    }
    expect(isTerminalOrderStatus("completed")).toBe(false);
  });

  it("reaches every status from pending_payment and nothing points back to it", () => {
    expect(reachable()).toEqual(new Set(ORDER_STATUSES));
    for (const s of ORDER_STATUSES) expect(canTransition(s, "pending_payment")).toBe(false);
    expect(isOrderStatus("paid")).toBe(true);
    expect(isOrderStatus("lost")).toBe(false);
  });

  it("legal moves return the target and illegal moves always throw illegal_transition", () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        if (ORDER_TRANSITIONS[from].includes(to)) {
          expect(canTransition(from, to)).toBe(true);
          expect(transition(from, to)).toBe(to);
        } else {
          expect(canTransition(from, to)).toBe(false);
          let thrown: unknown;
          try {
            transition(from, to);
          } catch (e) {
            thrown = e;
          }
          expect(isDomainError(thrown, DomainErrorCode.IllegalTransition)).toBe(true);
        }
      }),
    );
  });

  it("any sequence of attempted moves only visits reachable states via legal transitions and stops at a terminal", () => {
    const allowed = reachable();
    fc.assert(
      fc.property(fc.array(status, { maxLength: 30 }), (attempts) => {
        let current: OrderStatus = "pending_payment";
        for (const to of attempts) {
          const before: OrderStatus = current;
          try {
            current = transition(current, to);
            expect(ORDER_TRANSITIONS[before]).toContain(current);
          } catch (e) {
            expect(isDomainError(e, DomainErrorCode.IllegalTransition)).toBe(true);
            expect(current).toBe(before);
          }
          expect(allowed.has(current)).toBe(true);
          if (isTerminalOrderStatus(before)) expect(current).toBe(before);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("restocksOnTransition", () => {
  it("puts stock back when an order is cancelled or refunded before its goods leave the shop", () => {
    expect(restocksOnTransition("pending_payment", "cancelled")).toBe(true);
    expect(restocksOnTransition("paid", "cancelled")).toBe(true);
    expect(restocksOnTransition("paid", "refunded")).toBe(true);
    expect(restocksOnTransition("ready_for_pickup", "cancelled")).toBe(true);
    expect(restocksOnTransition("ready_for_pickup", "refunded")).toBe(true);
  });

  it("does not once the goods are with the customer, nor for moves that are not legal or not endings", () => {
    expect(restocksOnTransition("shipped", "refunded")).toBe(false);
    expect(restocksOnTransition("completed", "refunded")).toBe(false);
    expect(restocksOnTransition("shipped", "cancelled")).toBe(false);
    expect(restocksOnTransition("cancelled", "refunded")).toBe(false);
    expect(restocksOnTransition("paid", "shipped")).toBe(false);
  });

  it("restocks only on moves that end an order", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_STATUSES), fc.constantFrom(...ORDER_STATUSES), (from, to) => {
        if (restocksOnTransition(from, to)) expect(canTransition(from, to) && isTerminalOrderStatus(to)).toBe(true);
      }),
    );
  });
});
