import { sql } from "kysely";
import type { StoredDoc } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";
import type { CollectionTable } from "../documents/document.repository";
import type { CatalogVariant } from "./push-effects";

/** What a sales push checks against, read before the tenant lock: none of it is written by pushes. */
export interface SaleFacts {
  readonly registers: ReadonlySet<string>;
  readonly catalog: ReadonlyMap<string, CatalogVariant>;
  readonly closedShifts: ReadonlySet<string>;
  readonly promotions: readonly StoredDoc[];
}

const list = (values: Iterable<string>) => sql.val([...new Set(values)]);

/** Registers, catalog variants, closed shifts and applied promotions of `sales`, in one round trip. */
export async function readSaleFacts(
  trx: TenantTx,
  tenantId: string,
  sales: readonly StoredDoc[],
  registerIds: readonly string[],
): Promise<SaleFacts> {
  const lines = sales.flatMap((s) => (s.lines as { variantId: string }[] | undefined) ?? []);
  const { rows } = await sql<{
    registers: string[];
    variants: { id: string; track: boolean; price: string | number; sku: string }[];
    closed: string[];
    promotions: StoredDoc[];
  }>`
    select
      (select coalesce(jsonb_agg(id), '[]') from devices where tenant_id = ${tenantId} and id = any(${list(registerIds)}::uuid[])) as registers,
      (select coalesce(jsonb_agg(jsonb_build_object('id', variant_id, 'track', track_stock, 'price', price, 'sku', sku)), '[]')
         from product_variants where tenant_id = ${tenantId} and variant_id = any(${list(lines.map((l) => l.variantId))}::text[])) as variants,
      (select coalesce(jsonb_agg(id), '[]') from shifts where tenant_id = ${tenantId} and id = any(${list(sales.map((s) => String(s.shiftId)))}::text[]) and doc->>'status' = 'closed') as closed,
      (select coalesce(jsonb_agg(doc), '[]') from promotions where tenant_id = ${tenantId} and id = any(${list(sales.flatMap((s) => (s.promotionIds as string[] | undefined) ?? []))}::text[])) as promotions
  `.execute(trx);
  const row = rows[0]!;
  return {
    registers: new Set(row.registers),
    catalog: new Map(row.variants.map((v) => [v.id, { track: v.track, price: Number(v.price), sku: v.sku }])),
    closedShifts: new Set(row.closed),
    promotions: row.promotions,
  };
}

/** What a push decides on, read under the tenant lock so it includes every earlier push. */
export interface LockedState {
  readonly masters: Map<string, StoredDoc>;
  readonly knownMovements: ReadonlySet<string>;
  readonly onHand: ReadonlyMap<string, number>;
  readonly items: ReadonlyMap<string, StoredDoc>;
}

/** The pushed documents' masters, and the movements, levels and reconciliation items the push may touch, in one round trip. */
export async function readLockedState(
  trx: TenantTx,
  tenantId: string,
  table: CollectionTable,
  ids: {
    readonly docs: readonly string[];
    readonly movements: readonly string[];
    readonly levels: readonly string[];
    readonly items: readonly string[];
  },
): Promise<LockedState> {
  const { rows } = await sql<{
    masters: { id: string; doc: StoredDoc }[];
    known: string[];
    levels: { id: string; on_hand: number }[];
    items: { id: string; doc: StoredDoc }[];
  }>`
    select
      (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'doc', doc)), '[]') from ${sql.table(table)} where tenant_id = ${tenantId} and id = any(${list(ids.docs)}::text[])) as masters,
      (select coalesce(jsonb_agg(id), '[]') from stock_movements where tenant_id = ${tenantId} and id = any(${list(ids.movements)}::text[])) as known,
      (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'on_hand', on_hand)), '[]') from stock_levels where tenant_id = ${tenantId} and id = any(${list(ids.levels)}::text[])) as levels,
      (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'doc', doc)), '[]') from reconciliation where tenant_id = ${tenantId} and id = any(${list(ids.items)}::text[])) as items
  `.execute(trx);
  const row = rows[0]!;
  return {
    masters: new Map(row.masters.map((m) => [m.id, m.doc])),
    knownMovements: new Set(row.known),
    onHand: new Map(row.levels.map((l) => [l.id, Number(l.on_hand)])),
    items: new Map(row.items.map((i) => [i.id, i.doc])),
  };
}

/**
 * The `order` movements checkout made for these orders (ids `{orderId}:{lineId}`). They never change
 * once written, so they are read before the tenant's lock.
 */
export async function readOrderMovements(trx: TenantTx, tenantId: string, orders: readonly StoredDoc[]): Promise<StoredDoc[]> {
  const ids = orders.flatMap((o) => ((o.lines as { id?: unknown }[] | undefined) ?? []).map((l) => `${String(o.id)}:${String(l.id)}`));
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom("stock_movements")
    .select("doc")
    .where("tenant_id", "=", tenantId)
    .where("id", "in", ids)
    .where("reason", "=", "order")
    .execute();
  const orderIds = new Set(orders.map((o) => String(o.id)));
  return rows.map((r) => r.doc).filter((m) => orderIds.has(String(m.refId)));
}
