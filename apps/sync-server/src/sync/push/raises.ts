import type { Reconciliation, ReconciliationKind } from "@countertop/sync-protocol";

/** Something the manager must look at. The id is deterministic, so raising it again updates one item. */
export interface Raise {
  readonly id: string;
  readonly kind: ReconciliationKind;
  readonly refId: string;
  readonly details: Record<string, unknown>;
}

/**
 * The reconciliation documents for `raises`: a new item is created open; an existing one gets the
 * latest details; a resolved one is reopened (the problem came back, e.g. stock went negative again).
 */
export function reconciliationDocs(raises: readonly Raise[], existing: ReadonlyMap<string, Reconciliation>, now: Date): Reconciliation[] {
  const byId = new Map(raises.map((r) => [r.id, r]));
  return [...byId.values()].map((r) => {
    const before = existing.get(r.id);
    const base = { id: r.id, kind: r.kind, refId: r.refId, status: "open" as const, details: r.details, _deleted: false };
    if (!before) return { ...base, createdAt: now.toISOString() };
    const { resolvedBy: _by, resolvedAt: _at, resolution: _res, ...kept } = before;
    return { ...kept, ...base, createdAt: before.createdAt };
  });
}
