import type { StockMovement } from "@countertop/sync-protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyToLevels, happenedBefore, levelIdsOf, oversellItemId, oversells, replayLevel } from "./stock";

const NOW = new Date("2026-11-29T10:00:00.000Z");
const move = (locationId: string, variantId: string, delta: number, id = `${locationId}:${variantId}:${delta}`): StockMovement => ({
  id,
  locationId,
  variantId,
  delta,
  reason: "adjust",
  occurredAt: NOW.toISOString(),
  _deleted: false,
});

describe("levelIdsOf", () => {
  it("names each touched level once, as {locationId}:{variantId}", () => {
    expect(levelIdsOf([move("L1", "v1", -1), move("L1", "v1", -2, "b"), move("L2", "v1", 3)])).toEqual(["L1:v1", "L2:v1"]);
  });
});

describe("applyToLevels", () => {
  it("adds the movements to the current levels, absent levels starting at 0, and may go negative", () => {
    const levels = applyToLevels([move("L1", "v1", -3), move("L1", "v2", 5)], new Map([["L1:v1", 2]]), NOW);
    expect(levels).toEqual([
      { id: "L1:v1", locationId: "L1", variantId: "v1", onHand: -1, updatedAt: NOW.toISOString(), _deleted: false },
      { id: "L1:v2", locationId: "L1", variantId: "v2", onHand: 5, updatedAt: NOW.toISOString(), _deleted: false },
    ]);
  });

  it("leaves a level whose movements cancel out unwritten", () => {
    expect(applyToLevels([move("L1", "v1", -2), move("L1", "v1", 2, "back")], new Map(), NOW)).toEqual([]);
  });

  it("ends at the start plus the sum of the deltas, whatever their order (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0)),
        fc.integer({ min: -100, max: 100 }),
        (deltas, start) => {
          const movements = deltas.map((d, i) => move("L", "v", d, `m${i}`));
          const [level] = applyToLevels(movements, new Map([["L:v", start]]), NOW);
          const sum = deltas.reduce((a, b) => a + b, 0);
          expect(level?.onHand ?? start).toBe(start + sum);
          expect(applyToLevels([...movements].reverse(), new Map([["L:v", start]]), NOW)).toEqual(level ? [level] : []);
        },
      ),
    );
  });
});

describe("oversells", () => {
  it("raises one item per level below zero, with the SKU when known", () => {
    const levels = applyToLevels([move("L1", "v1", -3), move("L1", "v2", -1)], new Map([["L1:v2", 4]]), NOW);
    expect(oversells(levels, (v) => (v === "v1" ? "SKU-1" : undefined))).toEqual([
      {
        id: oversellItemId("L1:v1"),
        kind: "oversell",
        refId: "L1:v1",
        details: { locationId: "L1", variantId: "v1", sku: "SKU-1", onHand: -3 },
      },
    ]);
  });
});

describe("replayLevel: counts hold as of when they were counted", () => {
  const at = (hour: number) => new Date(Date.UTC(2026, 10, 29, hour)).toISOString();
  const sale = (hour: number, qty: number, id = `sale-${hour}`): StockMovement => ({
    ...move("L", "v", -qty, id),
    reason: "sale",
    occurredAt: at(hour),
  });
  const count = (hour: number, countedQty: number, id = `count-${hour}`): StockMovement => ({
    ...move("L", "v", 1, id),
    reason: "count",
    countedQty,
    occurredAt: at(hour),
  });

  it("absorbs a sale made before a count that syncs after it: nothing is subtracted twice", () => {
    // 10 on the shelf; a sale of 2 at 11:00 (still on the till); counted 8 at 12:00.
    const stored = replayLevel(10, [{ movement: count(12, 8), isNew: true }]);
    expect(stored.onHand).toBe(8);
    expect(stored.fresh[0]).toMatchObject({ delta: -2, systemQty: 10 });
    // The sale syncs: replayed from before it, the count now moved 0 and the level stays 8.
    const late = replayLevel(10, [
      { movement: stored.fresh[0]!, isNew: false },
      { movement: sale(11, 2), isNew: true },
    ]);
    expect(late.onHand).toBe(8);
    expect(late.rewritten).toEqual([expect.objectContaining({ id: "count-12", delta: 0, systemQty: 8 })]);
  });

  it("subtracts a sale made after a count", () => {
    const result = replayLevel(10, [
      { movement: { ...count(12, 8), delta: -2, systemQty: 10 }, isNew: false },
      { movement: sale(13, 3), isNew: true },
    ]);
    expect(result.onHand).toBe(5);
    expect(result.rewritten).toEqual([]);
  });

  it("sets the level as of a count that syncs late, keeping the sales made after it", () => {
    // Stored: a sale at 13:00 took 3 (10 → 7). A count of 9 made at 12:00 arrives: 9 − 3 = 6.
    const result = replayLevel(10, [
      { movement: sale(13, 3), isNew: false },
      { movement: count(12, 9), isNew: true },
    ]);
    expect(result.onHand).toBe(6);
    expect(result.fresh[0]).toMatchObject({ delta: -1, systemQty: 10 });
  });

  it("ends at the last count less what sold after it, whatever order the movements arrive in (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ hour: fc.integer({ min: 0, max: 23 }), qty: fc.integer({ min: 1, max: 5 }), isCount: fc.boolean() }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 50 }),
        (events, baseline) => {
          const movements = events.map((e, i) => (e.isCount ? count(e.hour, e.qty * 3, `c${i}`) : sale(e.hour, e.qty, `s${i}`)));
          const ordered = [...movements].sort(happenedBefore);
          const lastCount = ordered
            .map((m, i) => [m, i] as const)
            .filter(([m]) => m.reason === "count")
            .at(-1);
          const after = lastCount ? ordered.slice(lastCount[1] + 1) : ordered;
          const expected = (lastCount ? lastCount[0].countedQty! : baseline) + after.reduce((sum, m) => sum + m.delta, 0);
          // Every split of the movements into stored-then-new gives the same level.
          const split = Math.floor(movements.length / 2);
          const first = replayLevel(
            baseline,
            movements.slice(0, split).map((movement) => ({ movement, isNew: true })),
          );
          const second = replayLevel(baseline, [
            ...first.fresh.map((movement) => ({ movement, isNew: false })),
            ...movements.slice(split).map((movement) => ({ movement, isNew: true })),
          ]);
          expect(second.onHand).toBe(expected);
          expect(
            replayLevel(
              baseline,
              movements.map((movement) => ({ movement, isNew: true })),
            ).onHand,
          ).toBe(expected);
        },
      ),
    );
  });
});
