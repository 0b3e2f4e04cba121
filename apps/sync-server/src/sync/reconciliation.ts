import type { StoredDoc } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";
import { writeDocuments } from "../documents/document.repository";

/** Something the manager must look at, raised by the server. */
export interface Raise {
  /** Deterministic, so raising the same thing twice updates one item. */
  readonly id: string;
  readonly kind: "oversell" | "price_mismatch" | "late_sync" | "cash_variance" | "duplicate_customer";
  readonly refId: string;
  readonly details: Record<string, unknown>;
}

/**
 * Raises reconciliation items: new ones are created open; an existing open one gets the latest
 * details; a resolved one is reopened (the problem came back, e.g. stock went negative again).
 */
export async function raiseReconciliation(trx: TenantTx, tenantId: string, raises: readonly Raise[], now: Date): Promise<number> {
  if (raises.length === 0) return 0;
  const existing = new Map(
    (await trx.selectFrom("reconciliation").select(["id", "doc"]).where("tenant_id", "=", tenantId).where("id", "in", raises.map((r) => r.id)).execute()).map((r) => [r.id, r.doc]),
  );
  const docs: StoredDoc[] = raises.map((r) => {
    const before = existing.get(r.id);
    const base = { id: r.id, kind: r.kind, refId: r.refId, status: "open", details: r.details, _deleted: false };
    if (!before) return { ...base, createdAt: now.toISOString() };
    const { resolvedBy: _by, resolvedAt: _at, resolution: _res, ...kept } = before;
    return { ...kept, ...base, createdAt: before.createdAt ?? now.toISOString() };
  });
  await writeDocuments(trx, tenantId, "reconciliation", docs);
  return docs.length;
}
