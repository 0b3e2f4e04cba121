import type { Reconciliation, ReconciliationKind } from "@countertop/sync-protocol";

/** Something the manager must look at. The id is deterministic, so raising it again updates one item. */
export interface Raise {
  readonly id: string;
  readonly kind: ReconciliationKind;
  readonly refId: string;
  readonly details: Record<string, unknown>;
  /** Builds the details from the item's earlier ones (an item that gathers, like the sales on a stale catalog). */
  readonly accumulate?: (before: Readonly<Record<string, unknown>> | undefined) => Record<string, unknown>;
}

/**
 * The reconciliation documents for `raises`: a new item is created open; an existing one gets the
 * latest details; a resolved one is reopened (the problem came back, e.g. stock went negative again).
 */
export function reconciliationDocs(raises: readonly Raise[], existing: ReadonlyMap<string, Reconciliation>, now: Date): Reconciliation[] {
  // Raises of one id fold in order: an item that gathers (accumulate) sees the details before it.
  const folded = new Map<string, Raise>();
  for (const r of raises) {
    const earlier = folded.get(r.id);
    const before = earlier ? earlier.details : existing.get(r.id)?.details;
    folded.set(r.id, { ...r, details: r.accumulate ? r.accumulate(before) : r.details });
  }
  return [...folded.values()].map((r) => {
    const before = existing.get(r.id);
    const base = { id: r.id, kind: r.kind, refId: r.refId, status: "open" as const, details: r.details, _deleted: false };
    if (!before) return { ...base, createdAt: now.toISOString() };
    const { resolvedBy: _by, resolvedAt: _at, resolution: _res, action: _action, reason: _reason, effects: _effects, ...kept } = before;
    return { ...kept, ...base, createdAt: before.createdAt };
  });
}
