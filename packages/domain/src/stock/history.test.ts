import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLowStock, stockHistory, transfers, transitLocationId, type MovementRecord } from "./history.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 9, minute)).toISOString();
const move = (id: string, delta: number, minute: number, extra: Partial<MovementRecord> = {}): MovementRecord => ({
  id,
  locationId: "A",
  variantId: "v1",
  delta,
  reason: "sale",
  occurredAt: at(minute),
  ...extra,
});

describe("stockHistory", () => {
  it("lists movements in the order they happened with the running level, ending at the server's level", () => {
    const lines = stockHistory(
      [move("s2", -1, 30), move("r1", 10, 0), move("c1", -2, 20, { reason: "count", countedQty: 7 }), move("s1", -1, 10)],
      6,
    );
    expect(lines.map((l) => [l.movement.id, l.level])).toEqual([
      ["r1", 10],
      ["s1", 9],
      ["c1", 7],
      ["s2", 6],
    ]);
  });

  it("always ends at onHand, whatever the movements", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0),
          { maxLength: 30 },
        ),
        fc.integer({ min: -100, max: 1000 }),
        (deltas, onHand) => {
          const lines = stockHistory(
            deltas.map((d, i) => move(`m${i}`, d, i)),
            onHand,
          );
          expect(lines.at(-1)?.level ?? onHand).toBe(onHand);
        },
      ),
    );
  });
});

describe("transfers", () => {
  const T = "t1";
  const leg = (id: string, locationId: string, variantId: string, delta: number, outcome?: "received" | "damaged" | "lost") =>
    move(id, delta, 5, {
      locationId,
      variantId,
      reason: "transfer",
      transferId: T,
      transfer: { from: "A", to: "B", ...(outcome ? { outcome } : {}) },
    });

  it("tells what was sent, what arrived, was damaged or lost, and what is still in transit", () => {
    const transit = transitLocationId(T);
    const sent = [leg("a1", "A", "v1", -5), leg("a2", transit, "v1", 5), leg("b1", "A", "v2", -2), leg("b2", transit, "v2", 2)];
    expect(transfers(sent)[0]).toMatchObject({ from: "A", to: "B", inTransit: 7 });
    const arrived = [
      ...sent,
      leg("c1", transit, "v1", -3, "received"),
      leg("c2", "B", "v1", 3, "received"),
      leg("c3", transit, "v1", -1, "damaged"),
      leg("c4", transit, "v2", -2, "lost"),
    ];
    const [summary] = transfers(arrived);
    expect(summary!.lines).toEqual([
      { variantId: "v1", sent: 5, received: 3, damaged: 1, lost: 0, inTransit: 1 },
      { variantId: "v2", sent: 2, received: 0, damaged: 0, lost: 2, inTransit: 0 },
    ]);
    expect(summary!.inTransit).toBe(1);
  });
});

describe("isLowStock", () => {
  it("is low at or below the threshold, and never without one", () => {
    expect(isLowStock(3, 3)).toBe(true);
    expect(isLowStock(4, 3)).toBe(false);
    expect(isLowStock(-1, undefined)).toBe(false);
  });
});
