import { sql } from "kysely";
import type { TenantTx } from "../db/tenant-scope";
import type { Database, StoredDoc } from "../db/schema";

/** Tables that hold a replicated collection. */
export type CollectionTable = Exclude<
  keyof Database,
  | "plans"
  | "tenants"
  | "platform_users"
  | "users"
  | "devices"
  | "product_variants"
  | "receipt_emails"
  | "checkout_requests"
  | "shopper_accounts"
>;

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
  const held = heldCounters.get(trx);
  if (held && held.tenantId === tenantId) {
    const first = held.last + 1n;
    held.last += BigInt(count);
    return first;
  }
  const row = await trx
    .updateTable("tenants")
    .set({ seq: sql`seq + ${count}` })
    .where("id", "=", tenantId)
    .returning("seq")
    .executeTakeFirstOrThrow();
  return BigInt(row.seq) - BigInt(count) + 1n;
}

const heldCounters = new WeakMap<TenantTx, { tenantId: string; last: bigint }>();

/**
 * Locks the tenant's change counter for the rest of the transaction and hands out `seq` values
 * from memory, so a push that writes several collections pays one statement for them, not one per
 * write. Every writer of the tenant waits here, so reads made after it see every earlier push and
 * `seq` order is commit order. Call the returned function before commit to store the counter.
 */
export async function holdSeqCounter(trx: TenantTx, tenantId: string): Promise<() => Promise<void>> {
  // NO KEY UPDATE, not UPDATE: writers still queue on each other, but not on the KEY SHARE locks that
  // foreign keys to tenants take — a checkout that inserted its idempotency key (FK → tenants) before
  // queueing here would otherwise deadlock with another doing the same.
  const row = await trx.selectFrom("tenants").select("seq").where("id", "=", tenantId).forNoKeyUpdate().executeTakeFirstOrThrow();
  const start = BigInt(row.seq);
  const held = { tenantId, last: start };
  heldCounters.set(trx, held);
  return async () => {
    heldCounters.delete(trx);
    if (held.last !== start) await trx.updateTable("tenants").set({ seq: held.last.toString() }).where("id", "=", tenantId).execute();
  };
}

/** One collection's documents to write. */
export interface DocumentWrite {
  readonly table: CollectionTable;
  readonly docs: readonly StoredDoc[];
}

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;

/** The upsert of `docs` into `table` with `seq` from `first` on, in chunks that fit a statement. */
function upserts(trx: TenantTx, tenantId: string, { table, docs }: DocumentWrite, first: bigint) {
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
  const perRow = columns.length + 2;
  const chunk = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  const queries = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk);
    queries.push({
      params: slice.length * perRow,
      query: trx
        .insertInto(table as "products")
        .values(slice as never)
        .onConflict((oc) =>
          oc
            .columns(["tenant_id", "id"])
            .doUpdateSet(
              (eb) =>
                Object.fromEntries(
                  [...columns, "server_updated_at"].map((c) => [
                    c,
                    c === "server_updated_at" ? sql`now()` : eb.ref(`excluded.${c}` as "excluded.doc"),
                  ]),
                ) as never,
            ),
        ),
    });
  }
  return queries;
}

/**
 * Writes documents of several collections (insert or replace by id) with fresh `seq` values, in
 * as few statements as fit PostgreSQL's parameter limit: the upserts are chained as data-modifying
 * CTEs, so a push that writes a sale, its stock movements, levels and reconciliation items pays
 * one round trip for all of them. Each document id may appear once per table.
 * The caller has already decided each document is the new master state.
 */
export async function writeDocumentSets(trx: TenantTx, tenantId: string, writes: readonly DocumentWrite[]): Promise<void> {
  const sets = writes.filter((w) => w.docs.length > 0);
  if (sets.length === 0) return;
  let next = await takeSeqs(
    trx,
    tenantId,
    sets.reduce((n, w) => n + w.docs.length, 0),
  );
  const queries = sets.flatMap((w) => {
    const built = upserts(trx, tenantId, w, next);
    next += BigInt(w.docs.length);
    return built;
  });
  let group: typeof queries = [];
  let params = 0;
  const flush = async () => {
    if (group.length === 0) return;
    const [last, ...before] = [...group].reverse();
    const ctes = before.reverse().map((q, i) => sql`${sql.raw(`w${i}`)} as (${q.query})`);
    await (ctes.length === 0 ? last!.query.execute() : sql`with ${sql.join(ctes)} ${last!.query}`.execute(trx));
    group = [];
    params = 0;
  };
  for (const q of queries) {
    if (params + q.params > MAX_PARAMS) await flush();
    group.push(q);
    params += q.params;
  }
  await flush();
  for (const w of sets) if (w.table === "products") await indexVariants(trx, tenantId, w.docs);
}

/** {@link writeDocumentSets} for one collection. */
export function writeDocuments(trx: TenantTx, tenantId: string, table: CollectionTable, docs: readonly StoredDoc[]): Promise<void> {
  return writeDocumentSets(trx, tenantId, [{ table, docs }]);
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
      .onConflict((oc) =>
        oc.columns(["tenant_id", "variant_id"]).doUpdateSet((eb) => ({
          product_id: eb.ref("excluded.product_id"),
          sku: eb.ref("excluded.sku"),
          barcode: eb.ref("excluded.barcode"),
          price: eb.ref("excluded.price"),
          track_stock: eb.ref("excluded.track_stock"),
        })),
      )
      .execute();
  }
}
