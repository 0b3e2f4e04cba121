import { stockLevelId, type StockLevel, type StockMovement } from "@countertop/sync-protocol";
import type { Raise } from "./raises";

/** The stock level ids (`{locationId}:{variantId}`) that movements touch. */
export function levelIdsOf(movements: readonly StockMovement[]): string[] {
  return [...new Set(movements.map((m) => stockLevelId(m.locationId, m.variantId)))];
}

/** New stock levels after `movements`, from the current `onHand` of each level (absent = 0). Levels may go negative. */
export function applyToLevels(movements: readonly StockMovement[], onHand: ReadonlyMap<string, number>, now: Date): StockLevel[] {
  const deltas = new Map<string, { locationId: string; variantId: string; delta: number }>();
  for (const m of movements) {
    const id = stockLevelId(m.locationId, m.variantId);
    const entry = deltas.get(id) ?? { locationId: m.locationId, variantId: m.variantId, delta: 0 };
    entry.delta += m.delta;
    deltas.set(id, entry);
  }
  const iso = now.toISOString();
  return [...deltas.entries()]
    .filter(([, d]) => d.delta !== 0)
    .map(([id, d]) => ({
      id,
      locationId: d.locationId,
      variantId: d.variantId,
      onHand: (onHand.get(id) ?? 0) + d.delta,
      updatedAt: iso,
      _deleted: false,
    }));
}

/** The id of the `oversell` item of a stock level. */
export const oversellItemId = (levelId: string): string => `oversell:${levelId}`;

/** An `oversell` item for each level below zero. */
export function oversells(levels: readonly StockLevel[], skuOf: (variantId: string) => string | undefined = () => undefined): Raise[] {
  return levels
    .filter((l) => l.onHand < 0)
    .map((l) => ({
      id: oversellItemId(l.id),
      kind: "oversell",
      refId: l.id,
      details: { locationId: l.locationId, variantId: l.variantId, sku: skuOf(l.variantId) ?? null, onHand: l.onHand },
    }));
}

/** A movement as the level's replay sees it: stored or new, in the order it happened. */
export interface TimedMovement {
  readonly movement: StockMovement;
  /** True for one this push brings; false for one already stored. */
  readonly isNew: boolean;
}

/** The order movements happened in: by time; at the same instant a count comes after the rest, then by id. */
export function happenedBefore(a: StockMovement, b: StockMovement): number {
  const at = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  if (at !== 0) return at;
  const counts = Number(isCount(a)) - Number(isCount(b));
  return counts !== 0 ? counts : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A count that sets the level to what was on the shelf (one without `countedQty` is a plain delta, as version 1 clients sent it). */
export const isCount = (m: StockMovement): m is StockMovement & { countedQty: number } =>
  m.reason === "count" && m.countedQty !== undefined;

/**
 * The level of one variant at one location replayed from `baseline` (its level just before the
 * earliest movement here) through `movements` in the order they happened: each count sets the
 * level to what was counted — its `delta` and `systemQty` follow from the level at that moment —
 * and every other movement adds its delta. So a sale that happened before a count but syncs after
 * it is absorbed by the count instead of being subtracted twice, and a count that syncs late
 * still sets the level as of when it was counted.
 *
 * Returns the level after them all, the new movements as they are to be stored, and the stored
 * counts whose delta the replay changed.
 * @example
 * // 10 on the shelf; counted 7 at 12:00; a sale of 2 at 11:00 syncs afterwards: the level stays 7.
 * replayLevel(10, [{ movement: sale(11h, -2), isNew: true }, { movement: count(12h, 7, delta -3), isNew: false }])
 * // → { onHand: 7, fresh: [sale], rewritten: [count with delta -1, systemQty 8] }
 */
export function replayLevel(
  baseline: number,
  movements: readonly TimedMovement[],
): { onHand: number; fresh: StockMovement[]; rewritten: StockMovement[] } {
  let level = baseline;
  const fresh: StockMovement[] = [];
  const rewritten: StockMovement[] = [];
  for (const { movement, isNew } of [...movements].sort((a, b) => happenedBefore(a.movement, b.movement))) {
    if (!isCount(movement)) {
      level += movement.delta;
      if (isNew) fresh.push(movement);
      continue;
    }
    const counted: StockMovement = { ...movement, delta: movement.countedQty - level, systemQty: level };
    level = movement.countedQty;
    if (isNew) fresh.push(counted);
    else if (counted.delta !== movement.delta || counted.systemQty !== movement.systemQty) rewritten.push(counted);
  }
  return { onHand: level, fresh, rewritten };
}
