import { sql } from "kysely";
import type { TenantTx } from "../db/tenant-scope";
import type { Database, StoredDoc } from "../db/schema";

/** Tables that hold a replicated collection. */
export type CollectionTable = Exclude<keyof Database, "plans" | "tenants" | "platform_users" | "users" | "devices" | "product_variants">;

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
  if (table === "products") await indexVariants(trx, tenantId, docs);
}

/** Keeps `product_variants` in step with the written products (a deleted product has none). */
async function indexVariants(trx: TenantTx, tenantId: string, products: readonly StoredDoc[]): Promise<void> {
  const ids = products.map((p) => String(p.id));
  await trx.deleteFrom("product_variants").where("tenant_id", "=", tenantId).where("product_id", "in", ids).execute();
  const rows = products
    .filter((p) => p._deleted !== true && Array.isArray(p.variants))
    .flatMap((p) =>
      (p.variants as StoredDoc[]).map((v) => ({
        tenant_id: tenantId,
        variant_id: String(v.id),
        product_id: String(p.id),
        sku: String(v.sku ?? ""),
        barcode: str(v.barcode),
        price: Number(v.price ?? 0),
        track_stock: v.trackStock !== false,
      })),
    );
  for (let i = 0; i < rows.length; i += 5000) {
    await trx
      .insertInto("product_variants")
      .values(rows.slice(i, i + 5000))
      .onConflict((oc) => oc.columns(["tenant_id", "variant_id"]).doUpdateSet((eb) => ({ product_id: eb.ref("excluded.product_id"), sku: eb.ref("excluded.sku"), barcode: eb.ref("excluded.barcode"), price: eb.ref("excluded.price"), track_stock: eb.ref("excluded.track_stock") })))
      .execute();
  }
}
