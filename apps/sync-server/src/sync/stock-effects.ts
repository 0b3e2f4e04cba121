import type { StoredDoc } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";
import { writeDocuments } from "../documents/document.repository";
import { raiseReconciliation } from "./reconciliation";

interface SaleLike {
  readonly id: string;
  readonly kind: string;
  readonly locationId: string;
  readonly registerId?: string;
  readonly createdAt: string;
  readonly lines: readonly { readonly id: string; readonly variantId: string; readonly qty: number; readonly sku?: string }[];
}

/** Which variants the catalog knows, and whether each tracks stock. */
export async function trackedVariants(trx: TenantTx, tenantId: string, variantIds: readonly string[]): Promise<Map<string, { track: boolean; price: number; sku: string }>> {
  if (variantIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom("product_variants")
    .select(["variant_id", "track_stock", "price", "sku"])
    .where("tenant_id", "=", tenantId)
    .where("variant_id", "in", [...new Set(variantIds)])
    .execute();
  return new Map(rows.map((r) => [r.variant_id, { track: r.track_stock, price: Number(r.price), sku: r.sku }]));
}

/**
 * The stock movements a sale or refund causes: one per line of a stock-tracked variant, with the
 * id `{saleId}:{lineId}` so a re-pushed sale can never move stock twice. A variant the catalog does
 * not know still moves stock — the goods left the shop either way.
 */
export function saleMovements(sale: SaleLike, catalog: ReadonlyMap<string, { track: boolean }>): StoredDoc[] {
  const sign = sale.kind === "refund" ? 1 : -1;
  return sale.lines
    .filter((line) => catalog.get(line.variantId)?.track !== false)
    .map((line) => ({
      id: `${sale.id}:${line.id}`,
      locationId: sale.locationId,
      variantId: line.variantId,
      delta: sign * line.qty,
      reason: sale.kind === "refund" ? "refund" : "sale",
      refId: sale.id,
      ...(sale.registerId ? { deviceId: sale.registerId } : {}),
      occurredAt: sale.createdAt,
      _deleted: false,
    }));
}

/**
 * Applies new movements to `stock_levels` in the caller's transaction, so level and movements
 * commit together. A level may go negative — the sale happened — and then an `oversell` item is
 * raised for the manager. Returns how many levels changed.
 */
export async function applyMovements(trx: TenantTx, tenantId: string, movements: readonly StoredDoc[], now: Date): Promise<number> {
  const deltas = new Map<string, { locationId: string; variantId: string; delta: number }>();
  for (const m of movements) {
    const key = `${String(m.locationId)}:${String(m.variantId)}`;
    const entry = deltas.get(key) ?? { locationId: String(m.locationId), variantId: String(m.variantId), delta: 0 };
    entry.delta += Number(m.delta);
    deltas.set(key, entry);
  }
  const changed = [...deltas.entries()].filter(([, d]) => d.delta !== 0);
  if (changed.length === 0) return 0;
  const current = new Map(
    (await trx.selectFrom("stock_levels").select(["id", "on_hand"]).where("tenant_id", "=", tenantId).where("id", "in", changed.map(([key]) => key)).execute()).map((r) => [r.id, r.on_hand]),
  );
  const iso = now.toISOString();
  const levels = changed.map(([id, d]) => ({ id, locationId: d.locationId, variantId: d.variantId, onHand: (current.get(id) ?? 0) + d.delta, updatedAt: iso, _deleted: false }));
  await writeDocuments(trx, tenantId, "stock_levels", levels);

  const catalog = await trackedVariants(trx, tenantId, levels.filter((l) => l.onHand < 0).map((l) => l.variantId));
  await raiseReconciliation(
    trx,
    tenantId,
    levels
      .filter((l) => l.onHand < 0)
      .map((l) => ({
        id: `oversell:${l.id}`,
        kind: "oversell" as const,
        refId: l.id,
        details: { locationId: l.locationId, variantId: l.variantId, sku: catalog.get(l.variantId)?.sku ?? null, onHand: l.onHand },
      })),
    now,
  );
  return levels.length;
}
