import { sql } from "kysely";
import type { TenantTx } from "../db/tenant-scope";
import type { Database, StoredDoc } from "../db/schema";

/** Tables that hold a replicated collection. */
export type CollectionTable = Exclude<keyof Database, "plans" | "tenants" | "platform_users" | "users" | "devices">;

type Extra = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** Typed columns some collections keep beside the document, for queries, constraints and reports. */
const EXTRA_COLUMNS: Partial<Record<CollectionTable, (doc: StoredDoc) => Extra>> = {
  stock_levels: (d) => ({ location_id: d.locationId, variant_id: d.variantId, on_hand: d.onHand }),
  stock_movements: (d) => ({
    location_id: d.locationId,
    variant_id: d.variantId,
    delta: d.delta,
    reason: d.reason,
    ref_id: str(d.refId),
    occurred_at: d.occurredAt,
  }),
  sales: (d) => ({ kind: d.kind, register_id: d.registerId, shift_id: d.shiftId, total: d.total, created_at: d.createdAt }),
  orders: (d) => ({ status: d.status, customer_id: str(d.customerId), total: d.total, created_at: d.createdAt }),
  customers: (d) => ({ email: str(d.email)?.toLowerCase() ?? null, phone: str(d.phone) }),
};

/**
 * Takes the next `count` values of the tenant's change counter. The row lock this UPDATE takes is
 * held until commit, so writers of one tenant commit in `seq` order and a pull never skips a row
 * that commits late. Returns the first value; the rest follow it.
 */
export async function takeSeqs(trx: TenantTx, tenantId: string, count: number): Promise<bigint> {
  const row = await trx
    .updateTable("tenants")
    .set({ seq: sql`seq + ${count}` })
    .where("id", "=", tenantId)
    .returning("seq")
    .executeTakeFirstOrThrow();
  return BigInt(row.seq) - BigInt(count) + 1n;
}

/**
 * Writes documents (insert or replace by id) with fresh `seq` values, in order.
 * The caller has already decided each document is the new master state.
 */
export async function writeDocuments(trx: TenantTx, tenantId: string, table: CollectionTable, docs: readonly StoredDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const first = await takeSeqs(trx, tenantId, docs.length);
  const extra = EXTRA_COLUMNS[table];
  const rows = docs.map((doc, i) => ({
    tenant_id: tenantId,
    id: String(doc.id),
    seq: (first + BigInt(i)).toString(),
    deleted: doc._deleted === true,
    doc: JSON.stringify(doc),
    ...(extra ? extra(doc) : {}),
  }));
  const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== "tenant_id" && c !== "id");
  // One statement per chunk keeps the parameter count under PostgreSQL's 65,535.
  const chunk = Math.max(1, Math.floor(60_000 / (columns.length + 2)));
  for (let i = 0; i < rows.length; i += chunk) {
    await trx
      .insertInto(table as "products")
      .values(rows.slice(i, i + chunk) as never)
      .onConflict((oc) =>
        oc.columns(["tenant_id", "id"]).doUpdateSet((eb) => Object.fromEntries([...columns, "server_updated_at"].map((c) => [c, c === "server_updated_at" ? sql`now()` : eb.ref(`excluded.${c}` as "excluded.doc")])) as never),
      )
      .execute();
  }
}
