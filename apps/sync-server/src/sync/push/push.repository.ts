import type { CollectionDocument, CollectionName, Order, Promotion, Reconciliation, Sale, StockMovement } from "@countertop/sync-protocol";
import { sql } from "kysely";
import { PREPARED } from "../../db/round-trips";
import { lockedCounter, type LockedCounter } from "../../documents/document.repository";
import type { TenantTx } from "../../db/tenant-scope";

/*
 * The reads of a push. Each is one round trip: a push reads once, decides in memory, writes once.
 */

const list = (values: Iterable<string>) => sql.val([...new Set(values)]);

/** A catalog variant as the server checks sales against it. */
export interface CatalogVariant {
  readonly track: boolean;
  readonly price: number;
  readonly sku: string;
}

/** One version of a price or a promotion: the `seq` of the write that set it. */
export interface CatalogVersion<T> {
  readonly seq: bigint;
  readonly value: T;
}

/** What a sales push checks against, read before the tenant lock: none of it is written by pushes. */
export interface SaleFacts {
  readonly registers: ReadonlySet<string>;
  readonly catalog: ReadonlyMap<string, CatalogVariant>;
  /** The sales' shifts that are closed on the server, with when each was closed. */
  readonly closedShifts: ReadonlyMap<string, string>;
  readonly promotions: readonly Promotion[];
  /** Every price each variant had, oldest first — read only when a sale says which catalog it had. */
  readonly priceHistory: ReadonlyMap<string, readonly CatalogVersion<number>[]>;
  /** Every version of each applied promotion, oldest first — likewise. */
  readonly promotionHistory: ReadonlyMap<string, readonly CatalogVersion<Promotion>[]>;
  /** The tenant's change counter, locked by this same read (see `lockedCounter`). */
  readonly counter: LockedCounter;
}

/** History rows grouped by key, oldest first. */
function versions<T>(rows: readonly { key: string; seq: string; value: T }[]): Map<string, CatalogVersion<T>[]> {
  const byKey = new Map<string, CatalogVersion<T>[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), { seq: BigInt(r.seq), value: r.value }]);
  for (const list of byKey.values()) list.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
  return byKey;
}

/**
 * Registers, catalog variants, closed shifts and applied promotions of `sales`, in one round trip
 * that also takes the tenant's lock: the facts are read as of before it (no push changes them).
 * With `locked`, the locked state for those ids is read in the same statement (`state`): only when
 * the tenant's counter is locked already (the push's first message took it), so that the
 * statement's snapshot includes every earlier push — one round trip for both reads.
 */
export async function readSaleFacts(
  trx: TenantTx,
  tenantId: string,
  sales: readonly Sale[],
  registerIds: readonly string[],
  locked?: LockedIds,
): Promise<SaleFacts & { readonly state?: LockedState<"sales"> }> {
  const variantIds = sales.flatMap((s) => s.lines.map((l) => l.variantId));
  const promotionIds = sales.flatMap((s) => s.promotionIds);
  const dated = (key: "catalogSeq" | "promotionsSeq") => sales.some((s) => s[key] !== undefined);
  const { rows } = await sql<
    Partial<LockedStateRow<"sales">> & {
      registers: string[];
      variants: { id: string; track: boolean; price: string | number; sku: string }[];
      closed: Record<string, string>;
      promotions: Promotion[];
      price_history: { key: string; seq: string; value: number }[];
      promotion_history: { key: string; seq: string; value: Promotion }[];
      seq: string;
    }
  >`${sql.raw(PREPARED)}select ${lockedCounter(tenantId)} as seq,${locked ? sql` ${lockedStateColumns(tenantId, "sales", locked)},` : sql``}
      (select coalesce(jsonb_agg(id), '[]') from devices
         where tenant_id = ${tenantId} and id = any(${list(registerIds)}::uuid[])) as registers,
      (select coalesce(jsonb_agg(jsonb_build_object('id', variant_id, 'track', track_stock, 'price', price, 'sku', sku)), '[]')
         from product_variants where tenant_id = ${tenantId} and variant_id = any(${list(variantIds)}::text[])) as variants,
      (select coalesce(jsonb_object_agg(id, doc->>'closedAt'), '{}') from shifts
         where tenant_id = ${tenantId} and id = any(${list(sales.map((s) => s.shiftId))}::text[])
           and doc->>'status' = 'closed' and doc->>'closedAt' is not null) as closed,
      (select coalesce(jsonb_agg(doc), '[]') from promotions
         where tenant_id = ${tenantId} and id = any(${list(promotionIds)}::text[])) as promotions,
      (select coalesce(jsonb_agg(jsonb_build_object('key', key, 'seq', seq::text, 'value', value)), '[]') from catalog_history
         where tenant_id = ${tenantId} and kind = 'price' and ${dated("catalogSeq")} and key = any(${list(variantIds)}::text[])) as price_history,
      (select coalesce(jsonb_agg(jsonb_build_object('key', key, 'seq', seq::text, 'value', value)), '[]') from catalog_history
         where tenant_id = ${tenantId} and kind = 'promotion' and ${dated("promotionsSeq")} and key = any(${list(promotionIds)}::text[])) as promotion_history
  `.execute(trx);
  const row = rows[0]!;
  return {
    registers: new Set(row.registers),
    catalog: new Map(row.variants.map((v) => [v.id, { track: v.track, price: Number(v.price), sku: v.sku }])),
    closedShifts: new Map(Object.entries(row.closed)),
    promotions: row.promotions,
    priceHistory: versions(row.price_history),
    promotionHistory: versions(row.promotion_history),
    counter: { seq: row.seq },
    ...(locked ? { state: lockedStateOf(row as LockedStateRow<"sales">) } : {}),
  };
}

/** What a push decides on, read under the tenant lock so it includes every earlier push. */
export interface LockedState<N extends CollectionName> {
  readonly masters: Map<string, CollectionDocument<N>>;
  readonly knownMovements: ReadonlySet<string>;
  readonly onHand: ReadonlyMap<string, number>;
  readonly items: ReadonlyMap<string, Reconciliation>;
  /** Levels with a stored count at or after the earliest movement the push may bring there: those replay. */
  readonly countedLevels: ReadonlySet<string>;
}

/** A stock level and the earliest time a push may move it. */
export interface LevelSince {
  readonly locationId: string;
  readonly variantId: string;
  readonly since: string;
}

/** `(location, variant, since)` rows as a VALUES list (an empty list matches nothing). */
function levelValues(levels: readonly LevelSince[]) {
  if (levels.length === 0) return sql`(values (null::text, null::text, null::timestamptz)) as v(location_id, variant_id, since)`;
  const rows = levels.map((l) => sql`(${l.locationId}::text, ${l.variantId}::text, ${l.since}::timestamptz)`);
  return sql`(values ${sql.join(rows)}) as v(location_id, variant_id, since)`;
}

/** `(location, variant, since)` rows as three arrays (the statement's text does not vary with their number). */
function levelArrays(levels: readonly LevelSince[]) {
  return sql`unnest(${sql.val(levels.map((l) => l.locationId))}::text[], ${sql.val(levels.map((l) => l.variantId))}::text[],
    ${sql.val(levels.map((l) => l.since))}::timestamptz[]) as v(location_id, variant_id, since)`;
}

/** The ids a push reads under the tenant's lock (see {@link readLockedState}). */
export interface LockedIds {
  readonly docs: readonly string[];
  readonly movements: readonly string[];
  readonly levels: readonly string[];
  readonly items: readonly string[];
  readonly since: readonly LevelSince[];
}

/** The row {@link lockedStateColumns} reads. */
interface LockedStateRow<N extends CollectionName> {
  masters: { id: string; doc: CollectionDocument<N> }[];
  known: string[];
  levels: { id: string; on_hand: number }[];
  items: { id: string; doc: Reconciliation }[];
  counted: string[];
}

/** The select-list items that read a push's locked state (their text does not vary with the ids). */
function lockedStateColumns(tenantId: string, collection: CollectionName, ids: LockedIds) {
  return sql`(select coalesce(jsonb_agg(jsonb_build_object('id', id, 'doc', doc)), '[]') from ${sql.table(collection)}
         where tenant_id = ${tenantId} and id = any(${list(ids.docs)}::text[])) as masters,
      (select coalesce(jsonb_agg(id), '[]') from stock_movements
         where tenant_id = ${tenantId} and id = any(${list(ids.movements)}::text[])) as known,
      (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'on_hand', on_hand)), '[]') from stock_levels
         where tenant_id = ${tenantId} and id = any(${list(ids.levels)}::text[])) as levels,
      (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'doc', doc)), '[]') from reconciliation
         where tenant_id = ${tenantId} and id = any(${list(ids.items)}::text[])) as items,
      (select coalesce(jsonb_agg(distinct v.location_id || ':' || v.variant_id), '[]') from ${levelArrays(ids.since)}
         where exists (select 1 from stock_movements m where m.tenant_id = ${tenantId} and m.reason = 'count'
           and m.location_id = v.location_id and m.variant_id = v.variant_id and m.occurred_at >= v.since
           and m.doc ? 'countedQty')) as counted`;
}

/** {@link LockedState} from the row {@link lockedStateColumns} read. */
function lockedStateOf<N extends CollectionName>(row: LockedStateRow<N>): LockedState<N> {
  return {
    masters: new Map(row.masters.map((m) => [m.id, m.doc])),
    knownMovements: new Set(row.known),
    onHand: new Map(row.levels.map((l) => [l.id, Number(l.on_hand)])),
    items: new Map(row.items.map((i) => [i.id, i.doc])),
    countedLevels: new Set(row.counted),
  };
}

/**
 * Whether a locked state read for `read` answers for `needed`: every id needed was read, and each
 * level's counts were looked for from as early as needed.
 */
export function readCovers(read: LockedIds, needed: LockedIds): boolean {
  const has = (of: readonly string[], want: readonly string[]) => {
    const ids = new Set(of);
    return want.every((id) => ids.has(id));
  };
  const since = new Map(read.since.map((l) => [`${l.locationId}:${l.variantId}`, Date.parse(l.since)]));
  return (
    has(read.docs, needed.docs) &&
    has(read.movements, needed.movements) &&
    has(read.levels, needed.levels) &&
    has(read.items, needed.items) &&
    needed.since.every((l) => (since.get(`${l.locationId}:${l.variantId}`) ?? Infinity) <= Date.parse(l.since))
  );
}

/** The pushed documents' masters, and the movements, levels and reconciliation items the push may touch, in one round trip. */
export async function readLockedState<N extends CollectionName>(
  trx: TenantTx,
  tenantId: string,
  collection: N,
  ids: LockedIds,
): Promise<LockedState<N>> {
  const { rows } = await sql<LockedStateRow<N>>`${sql.raw(PREPARED)}select ${lockedStateColumns(tenantId, collection, ids)}`.execute(trx);
  return lockedStateOf(rows[0]!);
}

/**
 * What a level's replay starts from: every stored movement at or after `since` (in any order) and
 * the level just before them, its current level less their deltas.
 */
export async function readStockWindows(
  trx: TenantTx,
  tenantId: string,
  levels: readonly LevelSince[],
): Promise<Map<string, { readonly before: number; readonly stored: StockMovement[] }>> {
  if (levels.length === 0) return new Map();
  const { rows } = await sql<{ level_id: string; on_hand: string | null; movements: StockMovement[] }>`
    select v.location_id || ':' || v.variant_id as level_id,
      (select on_hand from stock_levels l where l.tenant_id = ${tenantId} and l.location_id = v.location_id and l.variant_id = v.variant_id) as on_hand,
      (select coalesce(jsonb_agg(m.doc), '[]') from stock_movements m where m.tenant_id = ${tenantId}
         and m.location_id = v.location_id and m.variant_id = v.variant_id and m.occurred_at >= v.since) as movements
    from ${levelValues(levels)}
  `.execute(trx);
  return new Map(
    rows.map((r) => [
      r.level_id,
      { before: Number(r.on_hand ?? 0) - r.movements.reduce((sum, m) => sum + m.delta, 0), stored: r.movements },
    ]),
  );
}

/**
 * The `order` movements checkout made for these orders (ids `{orderId}:{lineId}`). They never change
 * once written, so they are read before the tenant's lock.
 */
export async function readOrderMovements(trx: TenantTx, tenantId: string, orders: readonly Order[]): Promise<StockMovement[]> {
  const ids = orders.flatMap((o) => o.lines.map((l) => `${o.id}:${l.id}`));
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom("stock_movements")
    .select("doc")
    .where("tenant_id", "=", tenantId)
    .where("id", "in", ids)
    .where("reason", "=", "order")
    .execute();
  const orderIds = new Set(orders.map((o) => o.id));
  return rows.map((r) => r.doc).filter((m) => m.refId !== undefined && orderIds.has(m.refId));
}

/** A customer's contact as the duplicate check compares it (email lower-cased). */
export interface CustomerContact {
  readonly id: string;
  readonly email: string | null;
  readonly phone: string | null;
}

/** Customers with any of these emails (lower-cased) or phones (a shop's customers are few per push). */
export async function customersSharingContact(
  trx: TenantTx,
  tenantId: string,
  emails: readonly string[],
  phones: readonly string[],
): Promise<CustomerContact[]> {
  if (emails.length === 0 && phones.length === 0) return [];
  return trx
    .selectFrom("customers")
    .select(["id", "email", "phone"])
    .where("tenant_id", "=", tenantId)
    .where("deleted", "=", false)
    .where((eb) =>
      eb.or([...(emails.length > 0 ? [eb("email", "in", emails)] : []), ...(phones.length > 0 ? [eb("phone", "in", phones)] : [])]),
    )
    .execute();
}

/** Which product holds each of these variant ids now (`product_variants`). */
export async function variantOwners(trx: TenantTx, tenantId: string, variantIds: readonly string[]): Promise<Map<string, string>> {
  if (variantIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom("product_variants")
    .select(["variant_id", "product_id"])
    .where("tenant_id", "=", tenantId)
    .where("variant_id", "in", [...new Set(variantIds)])
    .execute();
  return new Map(rows.map((r) => [r.variant_id, r.product_id]));
}

/** The sales these refunds return, and every refund stored against them, by original sale id. */
export async function readRefundedSales(
  trx: TenantTx,
  tenantId: string,
  originalSaleIds: readonly string[],
): Promise<{ sales: Map<string, Sale>; refunds: Map<string, Sale[]> }> {
  if (originalSaleIds.length === 0) return { sales: new Map(), refunds: new Map() };
  const ids = [...new Set(originalSaleIds)];
  const rows = await trx
    .selectFrom("sales")
    .select("doc")
    .where("tenant_id", "=", tenantId)
    .where((eb) => eb.or([eb("id", "in", ids), eb(sql<string>`doc->>'originalSaleId'`, "in", ids)]))
    .execute();
  const sales = new Map<string, Sale>();
  const refunds = new Map<string, Sale[]>();
  for (const { doc } of rows) {
    if (doc.kind === "refund" && doc.originalSaleId) refunds.set(doc.originalSaleId, [...(refunds.get(doc.originalSaleId) ?? []), doc]);
    else sales.set(doc.id, doc);
  }
  return { sales, refunds };
}
