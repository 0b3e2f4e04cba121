import { stockLevelId, type StockLevel, type StockMovement } from "@countertop/sync-protocol";
import type { TenantTx } from "../../db/tenant-scope";
import { readStockWindows, type LevelSince } from "./push.repository";
import { applyToLevels, isCount, replayLevel } from "./stock";

/** What a push's new movements do to stock: the movements as stored, stored counts they change, the new levels. */
export interface SettledStock {
  readonly movements: StockMovement[];
  readonly rewritten: StockMovement[];
  readonly levels: StockLevel[];
}

/** The earliest time each level is moved by `movements`, as the lock-held read needs it. */
export function levelsSince(movements: readonly StockMovement[]): LevelSince[] {
  const since = new Map<string, LevelSince>();
  for (const m of movements) {
    const id = stockLevelId(m.locationId, m.variantId);
    const known = since.get(id);
    if (!known || Date.parse(m.occurredAt) < Date.parse(known.since))
      since.set(id, { locationId: m.locationId, variantId: m.variantId, since: m.occurredAt });
  }
  return [...since.values()];
}

/**
 * Moves stock for a push's new movements. A level no count is near simply adds them up (the usual
 * sale). A level with a count among them, or a stored count at or after the earliest of them, is
 * replayed from just before that time (see `replayLevel`), so counts hold as of when they were
 * counted, whatever order things sync in.
 */
export async function settleStock(
  trx: TenantTx,
  tenantId: string,
  fresh: readonly StockMovement[],
  state: { readonly onHand: ReadonlyMap<string, number>; readonly countedLevels: ReadonlySet<string> },
  now: Date,
): Promise<SettledStock> {
  const byLevel = new Map<string, StockMovement[]>();
  for (const m of fresh) {
    const id = stockLevelId(m.locationId, m.variantId);
    byLevel.set(id, [...(byLevel.get(id) ?? []), m]);
  }
  const replaying = [...byLevel].filter(([id, moves]) => state.countedLevels.has(id) || moves.some(isCount));
  if (replaying.length === 0) return { movements: [...fresh], rewritten: [], levels: applyToLevels(fresh, state.onHand, now) };

  const replayed = new Set(replaying.map(([id]) => id));
  const windows = await readStockWindows(trx, tenantId, levelsSince(replaying.flatMap(([, moves]) => moves)));
  const movements: StockMovement[] = fresh.filter((m) => !replayed.has(stockLevelId(m.locationId, m.variantId)));
  const rewritten: StockMovement[] = [];
  const levels = applyToLevels(movements, state.onHand, now);
  for (const [id, moves] of replaying) {
    const window = windows.get(id) ?? { before: state.onHand.get(id) ?? 0, stored: [] };
    const result = replayLevel(window.before, [
      ...window.stored.map((movement) => ({ movement, isNew: false })),
      ...moves.map((movement) => ({ movement, isNew: true })),
    ]);
    movements.push(...result.fresh);
    rewritten.push(...result.rewritten);
    if (result.onHand !== (state.onHand.get(id) ?? 0) || !state.onHand.has(id)) {
      const { locationId, variantId } = moves[0]!;
      levels.push({ id, locationId, variantId, onHand: result.onHand, updatedAt: now.toISOString(), _deleted: false });
    }
  }
  return { movements, rewritten, levels };
}
