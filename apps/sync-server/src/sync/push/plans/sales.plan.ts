import { repriceSale, type PriceMismatch } from "@countertop/domain";
import type { Sale, StockMovement } from "@countertop/sync-protocol";
import type { PushIO, PushPlan } from "../push-plan";
import { catalogsFor, staleCatalog, type CatalogAsOf, type StaleCatalog } from "../catalog-as-of";
import { readRefundedSales, readSaleFacts, type CatalogVariant, type LockedIds, type SaleFacts } from "../push.repository";
import { levelsSince } from "../settle-stock";
import { levelIdsOf, oversellItemId } from "../stock";
import type { Raise } from "../raises";

/**
 * A sale this late, or one rung up after its shift had closed, is a `late_sync` item for the manager.
 * A sale made before its shift's close is not, whenever it arrives: the till counted it in that
 * close, and a till that closes a shift offline sends the shift and its sales in no fixed order.
 */
export const LATE_AFTER_MS = 24 * 3600_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The stock movements a sale or refund causes: one per line of a stock-tracked variant, with the
 * id `{saleId}:{lineId}` so a re-pushed sale can never move stock twice. A variant the catalog does
 * not know still moves stock — the goods left the shop either way.
 */
export function saleMovements(sale: Sale, catalog: ReadonlyMap<string, CatalogVariant>): StockMovement[] {
  const refund = sale.kind === "refund";
  return sale.lines
    .filter((line) => catalog.get(line.variantId)?.track !== false)
    .map((line) => ({
      id: `${sale.id}:${line.id}`,
      locationId: sale.locationId,
      variantId: line.variantId,
      delta: (refund ? 1 : -1) * line.qty,
      reason: refund ? "refund" : "sale",
      refId: sale.id,
      deviceId: sale.registerId,
      occurredAt: sale.createdAt,
      _deleted: false,
    }));
}

/** Where and by whom a sale was made, for the manager's queue to filter by without reading the sale. */
const whereAndWho = (sale: Sale) => ({
  registerId: sale.registerId,
  locationId: sale.locationId,
  staffId: sale.staffId,
  shiftId: sale.shiftId,
});

/** How a sale's prices compare with the catalog the till had; see {@link pricingOf}. */
interface TillPricing {
  /** The disagreements with the catalog its checkpoints name; none when a catalog matched. */
  readonly mismatches: readonly PriceMismatch[];
  /** Whether some catalog the till may have had prices it exactly. */
  readonly matched: boolean;
  /** The newer catalog the till missed, when it sold on an older one. */
  readonly stale: StaleCatalog | undefined;
}

type PricingFacts = Pick<SaleFacts, "catalog" | "priceHistory" | "promotions" | "promotionHistory">;

/**
 * Re-prices a sale against the catalog the till had: an honest sale on an older price is not a
 * mismatch. Its checkpoints are a lower bound, so a later catalog that prices it exactly is the one it had.
 */
export function pricingOf(sale: Sale, facts: PricingFacts): TillPricing {
  let named: { readonly catalog: CatalogAsOf; readonly mismatches: readonly PriceMismatch[] } | undefined;
  for (const catalog of catalogsFor(sale, facts)) {
    const { mismatches } = repriceSale(sale, { catalogPrices: catalog.prices, promotions: catalog.promotions });
    if (mismatches.length === 0) return { mismatches, matched: true, stale: staleCatalog(sale, facts, catalog.prices) };
    named ??= { catalog, mismatches };
  }
  // catalogsFor always yields the catalog the sale names first.
  return { mismatches: named!.mismatches, matched: false, stale: staleCatalog(sale, facts, named!.catalog.prices) };
}

/** `price_mismatch` when the server's pricing disagrees with the till's; `late_sync` for a sale made after its shift closed, or a day late. */
export function saleChecks(
  sales: readonly Sale[],
  facts: Omit<SaleFacts, "registers" | "counter">,
  now: Date,
  pricing: (sale: Sale) => TillPricing = (sale) => pricingOf(sale, facts),
): Raise[] {
  return sales.flatMap((sale): Raise[] => {
    const raises: Raise[] = [];
    const { mismatches, matched, stale } = pricing(sale);
    if (!matched) {
      raises.push({
        id: `price_mismatch:${sale.id}`,
        kind: "price_mismatch",
        refId: sale.id,
        details: { mismatches: mismatches.slice(0, 50), ...whereAndWho(sale) },
      });
    }
    const closedAt = facts.closedShifts.get(sale.shiftId);
    const shiftClosed = closedAt !== undefined && Date.parse(sale.createdAt) > Date.parse(closedAt);
    if (shiftClosed || now.getTime() - Date.parse(sale.createdAt) > LATE_AFTER_MS) {
      raises.push({
        id: `late_sync:${sale.id}`,
        kind: "late_sync",
        refId: sale.id,
        details: {
          createdAt: sale.createdAt,
          receivedAt: now.toISOString(),
          shiftClosed,
          ...(shiftClosed ? { shiftClosedAt: closedAt } : {}),
          ...whereAndWho(sale),
        },
      });
    }
    if (stale) raises.push(staleCatalogRaise(sale, stale));
    return raises;
  });
}

/** The id of the `stale_catalog` item of a till and the catalog change it missed: one per till and change. */
export const staleCatalogItemId = (registerId: string, missedSeq: string) => `stale_catalog:${registerId}:${missedSeq}`;

/** A `stale_catalog` item that gathers every sale the till made on the older catalog, with what each cost. */
function staleCatalogRaise(sale: Sale, stale: StaleCatalog): Raise {
  const entry = {
    saleId: sale.id,
    number: sale.number,
    createdAt: sale.createdAt,
    lines: stale.lines,
    difference: stale.lines.reduce((sum, l) => sum + (l.now - l.had) * l.qty, 0),
  };
  return {
    id: staleCatalogItemId(sale.registerId, stale.missedSeq),
    kind: "stale_catalog",
    refId: sale.registerId,
    details: {
      registerId: sale.registerId,
      missedSeq: stale.missedSeq,
      catalogSeq: sale.catalogSeq,
      sales: [entry],
      difference: entry.difference,
    },
    accumulate: (before) => {
      const sales = [...((before?.sales as (typeof entry)[] | undefined) ?? []).filter((s) => s.saleId !== sale.id), entry].slice(-500);
      return {
        registerId: sale.registerId,
        missedSeq: stale.missedSeq,
        catalogSeq: sale.catalogSeq,
        sales,
        difference: sales.reduce((sum, s) => sum + s.difference, 0),
      };
    },
  };
}

/**
 * `refund_exceeds_sale` for each sale whose refunds (stored and new) return more of a line than it
 * sold: two tills refunding the same line offline both land — a refund is never refused — and a
 * person decides. One item per sale, its details the lines over, with the refunds that did it.
 */
export function refundsOverSold(
  newRefunds: readonly Sale[],
  sales: ReadonlyMap<string, Sale>,
  stored: ReadonlyMap<string, readonly Sale[]>,
): Raise[] {
  const originals = [...new Set(newRefunds.flatMap((r) => (r.originalSaleId ? [r.originalSaleId] : [])))];
  return originals.flatMap((saleId): Raise[] => {
    const sale = sales.get(saleId);
    if (!sale) return [];
    const refunds = [
      ...new Map([...(stored.get(saleId) ?? []), ...newRefunds.filter((r) => r.originalSaleId === saleId)].map((r) => [r.id, r])).values(),
    ];
    const over = sale.lines.flatMap((line) => {
      const returned = refunds.flatMap((r) => r.lines.filter((l) => l.id === line.id).map((l) => ({ refundId: r.id, qty: l.qty })));
      const refunded = returned.reduce((sum, r) => sum + r.qty, 0);
      return refunded > line.qty
        ? [{ lineId: line.id, sku: line.sku, name: line.name, sold: line.qty, refunded, refunds: returned.map((r) => r.refundId) }]
        : [];
    });
    if (over.length === 0) return [];
    return [
      {
        id: `refund_exceeds_sale:${saleId}`,
        kind: "refund_exceeds_sale",
        refId: saleId,
        details: { saleNumber: sale.number, lines: over },
      },
    ];
  });
}

/** Why a sale is accepted but set aside for the manager's review. */
export type FlagReason = "revoked_till" | "suspended_shop" | "foreign_register" | "replaced_text";

/**
 * The sales to flag for review, with why: from a revoked till or a suspended shop, naming a register
 * that is not the pushing till, or with text the database could not store (replaced). None of these
 * refuse a sale — the goods have left the shop — but a person must look.
 */
export function saleFlags(
  sales: readonly Sale[],
  io: Pick<PushIO, "standing" | "replacedText" | "actor">,
  facts: Pick<SaleFacts, "registers">,
): Raise[] {
  const till = io.actor.actorKind === "device" ? io.actor.deviceId : undefined;
  return sales.flatMap((sale): Raise[] => {
    const reasons: FlagReason[] = [
      ...(io.standing === "ok" ? [] : [io.standing]),
      ...(sale.registerId !== till || !facts.registers.has(sale.registerId) ? (["foreign_register"] as const) : []),
      ...(io.replacedText.has(sale.id) ? (["replaced_text"] as const) : []),
    ];
    if (reasons.length === 0) return [];
    return [
      {
        id: `flagged_sale:${sale.id}`,
        kind: "flagged_sale",
        refId: sale.id,
        details: { reasons, ...whereAndWho(sale), pushedBy: till ?? null },
      },
    ];
  });
}

/**
 * Every id a sales push may read under the lock, before the catalog says which lines move stock:
 * each line's movement and level (as if every variant were tracked), and the items a sale may
 * raise — all but a `stale_catalog` item, whose id needs the catalog's history (a push that raises
 * one reads its locked state again).
 */
function lockedIdsOf(sales: readonly Sale[]): LockedIds {
  const movements = sales.flatMap((s) => saleMovements(s, new Map()));
  const levels = levelIdsOf(movements);
  return {
    docs: sales.map((s) => s.id),
    movements: movements.map((m) => m.id),
    levels,
    items: [
      ...levels.map(oversellItemId),
      ...sales.flatMap((s) => [`price_mismatch:${s.id}`, `late_sync:${s.id}`, `flagged_sale:${s.id}`]),
    ],
    since: levelsSince(movements),
  };
}

/**
 * Sales are append-only and never rejected for their arithmetic: a new sale moves stock (one
 * movement per tracked line) and is re-priced against the catalog; a disagreement, or a sale that
 * syncs after its shift closed or a day late, is raised for the manager.
 */
export const salesPlan: PushPlan<"sales"> = {
  collection: "sales",
  // Rung up at a till; never refused for its content (it is flagged for review instead).
  writers: { device: true },
  async prepare(io, sales) {
    const registerIds = [...new Set(sales.map((s) => s.registerId))].filter((r) => UUID.test(r));
    // Under the lock already: the locked state is read with the facts, for every id the push may need.
    const locked = io.locked ? lockedIdsOf(sales) : undefined;
    const facts = await readSaleFacts(io.trx, io.tenantId, sales, registerIds, locked);
    // The last copy of an id in the push is the one its movements are derived from.
    const latest = [...new Map(sales.map((s) => [s.id, s])).values()];
    const candidates = latest.flatMap((s) => saleMovements(s, facts.catalog));
    // Re-priced once per sale: its stale item's id is read under the lock, and its checks raise it.
    const priced = new Map<Sale, TillPricing>();
    const pricing = (sale: Sale) => priced.get(sale) ?? priced.set(sale, pricingOf(sale, facts)).get(sale)!;
    return {
      counter: facts.counter,
      ...(facts.state && locked ? { lockedState: { state: facts.state, read: locked } } : {}),
      movementCandidates: candidates,
      itemIds: sales.flatMap((s) => {
        const { stale } = pricing(s);
        return [
          `price_mismatch:${s.id}`,
          `late_sync:${s.id}`,
          `flagged_sale:${s.id}`,
          ...(stale ? [staleCatalogItemId(s.registerId, stale.missedSeq)] : []),
        ];
      }),
      skuOf: (variantId) => facts.catalog.get(variantId)?.sku,
      derive: async ({ inserted }) => {
        const newSales = new Set(inserted.map((s) => s.id));
        // Read under the tenant's lock, so two tills' refunds of one line, pushed at once, see each other.
        const refunds = inserted.filter((s) => s.kind === "refund" && s.originalSaleId);
        const refunded = await readRefundedSales(
          io.trx,
          io.tenantId,
          refunds.map((r) => r.originalSaleId!),
        );
        return {
          movements: candidates.filter((m) => m.refId !== undefined && newSales.has(m.refId)),
          raises: [
            ...saleChecks(inserted, facts, io.now, pricing),
            ...saleFlags(inserted, io, facts),
            ...refundsOverSold(refunds, refunded.sales, refunded.refunds),
          ],
        };
      },
    };
  },
};
