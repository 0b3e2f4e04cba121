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
