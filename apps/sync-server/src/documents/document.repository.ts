import type { CollectionDocument, CollectionName, Product, Promotion } from "@countertop/sync-protocol";
import { CompiledQuery, sql, type Insertable } from "kysely";
import pg from "pg";
import type { CollectionTables } from "../db/schema";
import { AT_COMMIT } from "../db/round-trips";
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

/** Per transaction: the counter it holds, the last value handed out and stored, and whether it is stored at commit. */
const heldCounters = new WeakMap<TenantTx, { tenantId: string; last: bigint; stored: bigint; atCommit: boolean }>();

/** The tenant's counter as read, and locked, by a statement of the caller's ({@link lockedCounter}). */
export interface LockedCounter {
  readonly seq: string;
}

/**
 * The select-list item that locks the tenant's change counter and reads it, as `seq`: a push's
 * first statement may carry it, so that taking the lock costs no round trip of its own
 * (`holdSeqCounter(trx, tenantId, { seq })`). A statement's other reads use the snapshot taken
 * when it started — as if made before the lock — so reads that must see earlier pushes come after.
 */
export function lockedCounter(tenantId: string) {
  return sql<string>`(select seq::text from tenants where id = ${tenantId} for no key update)`;
}

/**
 * {@link lockedCounter} with the tenant as parameter `$n` of a statement written as text (a push's
 * first statement, prepared: `select ${lockedCounterAt(1)} as locked_seq`).
 */
export function lockedCounterAt(n: number): string {
  return `(select seq::text from tenants where id = $${n} for no key update)`;
}

/**
 * Locks the tenant's change counter for the rest of the transaction and hands out `seq` values
 * from memory, so a push that writes several collections pays one statement for them, not one per
 * write. Every writer of the tenant waits here, so reads made after it see every earlier push and
 * `seq` order is commit order. Call the returned function before commit to store the counter.
 */
export async function holdSeqCounter(trx: TenantTx, tenantId: string, locked?: LockedCounter): Promise<() => Promise<void>> {
  // NO KEY UPDATE, not UPDATE: writers still queue on each other, but not on the KEY SHARE locks that
  // foreign keys to tenants take — a checkout that inserted its idempotency key (FK → tenants) before
  // queueing here would otherwise deadlock with another doing the same.
  const seq =
    locked?.seq ??
    (await trx.selectFrom("tenants").select("seq").where("id", "=", tenantId).forNoKeyUpdate().executeTakeFirstOrThrow()).seq;
  const start = BigInt(seq);
  const held = { tenantId, last: start, stored: start, atCommit: false };
  heldCounters.set(trx, held);
  return async () => {
    heldCounters.delete(trx);
    // Usually already stored by the write itself (see writeDocumentSets): then nothing is left to send.
    if (held.last === held.stored) return;
    // After a write held for the commit, so is this: it must land after that write's own update of the counter.
    if (held.atCommit)
      await sql.raw(`${AT_COMMIT}update tenants set seq = ${held.last.toString()} where id = ${pg.escapeLiteral(tenantId)}`).execute(trx);
    else await trx.updateTable("tenants").set({ seq: held.last.toString() }).where("id", "=", tenantId).execute();
  };
}

/** One collection's documents to write. */
export interface DocumentWrite<N extends CollectionName = CollectionName> {
  readonly table: N;
  readonly docs: readonly CollectionDocument<N>[];
  /**
   * None of these ids is stored yet (the caller read so under the tenant's lock): they are inserted,
   * not upserted — an upsert fires the table's UPDATE triggers even when it updates nothing (the
   * sales' daily figures), and a stored id is an error that rolls the transaction back, not a write.
   */
  readonly fresh?: boolean;
}

/** A {@link DocumentWrite} of any collection, each typed with its own documents. */
export type AnyDocumentWrite = { readonly [N in CollectionName]: DocumentWrite<N> }[CollectionName];

/**
 * The upsert (or, for {@link DocumentWrite.fresh} documents, the insert) of one collection's documents as a data-modifying CTE (or the statement itself): the
 * documents travel as one JSON array (and their extra columns as another, read back by
 * `jsonb_populate_record` with the column types, as parameters would be), so the statement's text
 * depends only on the table and a push of any size takes a handful of parameters (or literals, see
 * `writeDocumentSets`'s `atCommit`). The tenant is parameter `$1`.
 */
function upsertSql<N extends CollectionName>(
  { table, docs, fresh }: DocumentWrite<N>,
  param: (value: string) => string,
  first: bigint,
): string {
  const extra = EXTRA_COLUMNS[table] as ((doc: CollectionDocument<N>) => ExtraColumns<N>) | undefined;
  const name = pg.escapeIdentifier(table);
  const extras = extra ? docs.map(extra) : [];
  const columns = Object.keys(extras[0] ?? {}).map((c) => pg.escapeIdentifier(c));
  const source = extra
    ? `rows from (jsonb_array_elements(${param(JSON.stringify(docs))}::jsonb), jsonb_array_elements(${param(JSON.stringify(extras))}::jsonb))
         with ordinality as r(e, x, o) cross join lateral jsonb_populate_record(null::${name}, r.x) as c`
    : `jsonb_array_elements(${param(JSON.stringify(docs))}::jsonb) with ordinality as r(e, o)`;
  return `insert into ${name} (tenant_id, id, seq, deleted, doc${columns.map((c) => `, ${c}`).join("")})
    select $1::uuid, r.e->>'id', ${param(first.toString())}::bigint + r.o - 1, coalesce((r.e->>'_deleted')::boolean, false), r.e${columns.map((c) => `, c.${c}`).join("")}
    from ${source}${
      fresh
        ? ""
        : `
    where true
    on conflict (tenant_id, id) do update set seq = excluded.seq, deleted = excluded.deleted, doc = excluded.doc${columns
      .map((c) => `, ${c} = excluded.${c}`)
      .join("")}, server_updated_at = now()`
    }`;
}

/**
 * Writes documents of several collections (insert or replace by id) with fresh `seq` values in one
 * statement: the upserts are chained as data-modifying CTEs, so a push that writes a sale, its
 * stock movements, levels and reconciliation items pays one round trip for all of them (and the
 * held counter, see {@link holdSeqCounter}, is stored by the same statement). Each document id may
 * appear once per table. The caller has already decided each document is the new master state.
 *
 * `atCommit`: the caller reads none of these rows back before it commits (a push), so the statement
 * is held and sent with the COMMIT (`AT_COMMIT`, db/round-trips.ts: prepared once per connection,
 * its values sent as literals) — no round trip of its own; a failure surfaces from the commit,
 * which rolls the transaction back. Its text depends only on which tables it writes, how.
 * Products and promotions keep their history with what they write, so they are written at once.
 */
export async function writeDocumentSets(
  trx: TenantTx,
  tenantId: string,
  writes: readonly AnyDocumentWrite[],
  options: { readonly atCommit?: boolean } = {},
): Promise<void> {
  const sets = writes.filter((w) => w.docs.length > 0);
  if (sets.length === 0) return;
  let next = await takeSeqs(
    trx,
    tenantId,
    sets.reduce((n, w) => n + w.docs.length, 0),
  );
  const atCommit = options.atCommit === true && !sets.some((w) => w.table === "products" || w.table === "promotions");
  const parameters: unknown[] = [tenantId];
  const param = (value: string) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const firsts = new Map<AnyDocumentWrite, bigint>();
  const statements = sets.map((w) => {
    firsts.set(w, next);
    const text = upsertSql(w, param, next);
    next += BigInt(w.docs.length);
    return text;
  });
  const held = heldCounters.get(trx);
  if (held?.tenantId === tenantId) {
    held.stored = held.last;
    held.atCommit ||= atCommit;
    statements.unshift(`update tenants set seq = ${param(held.last.toString())}::bigint where id = $1`);
  }
  const last = statements.pop()!;
  const ctes = statements.map((text, i) => `w${i} as (${text})`);
  const text = ctes.length === 0 ? last : `with ${ctes.join(", ")} ${last}`;
  await trx.executeQuery(CompiledQuery.raw(atCommit ? `${AT_COMMIT}${text}` : text, parameters));
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
