import type { CollectionDocument, CollectionName, Product, Promotion } from "@countertop/sync-protocol";
import { sql, type Insertable } from "kysely";
import type { CollectionTables } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";

/** The typed columns a collection keeps beside its document (for queries, constraints and reports). */
type ExtraColumns<N extends CollectionName> = Omit<Insertable<CollectionTables[N]>, "tenant_id" | "id" | "seq" | "deleted" | "doc">;

/** How each collection with extra columns fills them from its document. */
const EXTRA_COLUMNS: { readonly [N in CollectionName]?: (doc: CollectionDocument<N>) => ExtraColumns<N> } = {
  stock_levels: (d) => ({ location_id: d.locationId, variant_id: d.variantId, on_hand: d.onHand }),
  stock_movements: (d) => ({
    location_id: d.locationId,
    variant_id: d.variantId,
    delta: d.delta,
    reason: d.reason,
    ref_id: d.refId ?? null,
    occurred_at: d.occurredAt,
  }),
  sales: (d) => ({ kind: d.kind, register_id: d.registerId, shift_id: d.shiftId, total: d.total, created_at: d.createdAt }),
  orders: (d) => ({ status: d.status, customer_id: d.customerId ?? null, total: d.total, created_at: d.createdAt }),
  customers: (d) => ({ email: d.email?.toLowerCase() ?? null, phone: d.phone ?? null }),
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

const heldCounters = new WeakMap<TenantTx, { tenantId: string; last: bigint; stored: bigint }>();

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
  const held = { tenantId, last: start, stored: start };
  heldCounters.set(trx, held);
  return async () => {
    heldCounters.delete(trx);
    // Usually already stored by the write itself (see writeDocumentSets): then nothing is left to send.
    if (held.last !== held.stored) await trx.updateTable("tenants").set({ seq: held.last.toString() }).where("id", "=", tenantId).execute();
  };
}

/** One collection's documents to write. */
export interface DocumentWrite<N extends CollectionName = CollectionName> {
  readonly table: N;
  readonly docs: readonly CollectionDocument<N>[];
}

/** A {@link DocumentWrite} of any collection, each typed with its own documents. */
export type AnyDocumentWrite = { readonly [N in CollectionName]: DocumentWrite<N> }[CollectionName];

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;

/** The upsert of `docs` into `table` with `seq` from `first` on, in chunks that fit a statement. */
function upserts<N extends CollectionName>(trx: TenantTx, tenantId: string, { table, docs }: DocumentWrite<N>, first: bigint) {
  const extra = EXTRA_COLUMNS[table] as ((doc: CollectionDocument<N>) => ExtraColumns<N>) | undefined;
  const rows = docs.map((doc, i) => ({
    tenant_id: tenantId,
    id: doc.id,
    seq: (first + BigInt(i)).toString(),
    deleted: doc._deleted,
    doc: JSON.stringify(doc),
    ...extra?.(doc),
  }));
  const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== "tenant_id" && c !== "id");
  const perRow = columns.length + 2;
  const assignments = sql.join(columns.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
  const chunk = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  const queries = [];
  for (let i = 0; i < rows.length; i += chunk) {
    // Kysely cannot follow a table name chosen at run time; every collection table shares these
    // columns (DocumentColumns), so the statement is built as for one of them, and the upsert's
    // assignments, which differ per table, are written out.
    const query = trx
      .insertInto(table as "products")
      .values(rows.slice(i, i + chunk))
      .modifyEnd(sql`on conflict (tenant_id, id) do update set ${assignments}, server_updated_at = now()`);
    queries.push({ params: Math.min(chunk, rows.length - i) * perRow, query });
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
export async function writeDocumentSets(trx: TenantTx, tenantId: string, writes: readonly AnyDocumentWrite[]): Promise<void> {
  const sets = writes.filter((w) => w.docs.length > 0);
  if (sets.length === 0) return;
  let next = await takeSeqs(
    trx,
    tenantId,
    sets.reduce((n, w) => n + w.docs.length, 0),
  );
  const firsts = new Map<AnyDocumentWrite, bigint>();
  const queries = sets.flatMap((w) => {
    firsts.set(w, next);
    const built = upserts(trx, tenantId, w, next);
    next += BigInt(w.docs.length);
    return built;
  });
  // A held counter is stored by the same statement as the documents, sparing a round trip.
  const held = heldCounters.get(trx);
  if (held?.tenantId === tenantId) {
    held.stored = held.last;
    queries.unshift({
      params: 2,
      query: trx.updateTable("tenants").set({ seq: held.last.toString() }).where("id", "=", tenantId) as never,
    });
  }
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
  for (const w of sets) {
    if (w.table === "products") await indexVariants(trx, tenantId, w.docs, firsts.get(w)!);
    if (w.table === "promotions") await recordPromotions(trx, tenantId, w.docs, firsts.get(w)!);
  }
}

/** Keeps the history of promotions: each written version under the `seq` it was written with. */
async function recordPromotions(trx: TenantTx, tenantId: string, promotions: readonly Promotion[], first: bigint): Promise<void> {
  await trx
    .insertInto("catalog_history")
    .values(
      promotions.map((p, i) => ({
        tenant_id: tenantId,
        kind: "promotion" as const,
        key: p.id,
        seq: (first + BigInt(i)).toString(),
        value: JSON.stringify(p),
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** {@link writeDocumentSets} for one collection. */
export function writeDocuments<N extends CollectionName>(
  trx: TenantTx,
  tenantId: string,
  table: N,
  docs: readonly CollectionDocument<N>[],
): Promise<void> {
  return writeDocumentSets(trx, tenantId, [{ table, docs } as AnyDocumentWrite]);
}

/**
 * Keeps `product_variants` in step with the written products (a deleted product has none), and the
 * history of prices: a variant whose price is new or changed gets a row under its product's `seq`.
 */
async function indexVariants(trx: TenantTx, tenantId: string, products: readonly Product[], first: bigint): Promise<void> {
  const ids = products.map((p) => p.id);
  const variantIds = products.flatMap((p) => p.variants.map((v) => v.id));
  const before = new Map(
    variantIds.length === 0
      ? []
      : (
          await trx
            .selectFrom("product_variants")
            .select(["variant_id", "price"])
            .where("tenant_id", "=", tenantId)
            .where("variant_id", "in", variantIds)
            .execute()
        ).map((r) => [r.variant_id, Number(r.price)]),
  );
  const changed = products.flatMap((p, i) =>
    p._deleted
      ? []
      : p.variants
          .filter((v) => before.get(v.id) !== v.price)
          .map((v) => ({
            tenant_id: tenantId,
            kind: "price" as const,
            key: v.id,
            seq: (first + BigInt(i)).toString(),
            value: JSON.stringify(v.price),
          })),
  );
  for (let i = 0; i < changed.length; i += 5000) {
    await trx
      .insertInto("catalog_history")
      .values(changed.slice(i, i + 5000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await trx.deleteFrom("product_variants").where("tenant_id", "=", tenantId).where("product_id", "in", ids).execute();
  const rows = products
    .filter((p) => !p._deleted)
    .flatMap((p) =>
      p.variants.map((v) => ({
        tenant_id: tenantId,
        variant_id: v.id,
        product_id: p.id,
        sku: v.sku,
        barcode: v.barcode ?? null,
        price: v.price,
        track_stock: v.trackStock,
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
