import type { StockMovement } from "@countertop/sync-protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyToLevels, levelIdsOf, oversellItemId, oversells } from "./stock";

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
