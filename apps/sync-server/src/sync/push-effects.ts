import { repriceSale, type PromotionDocument, type RepriceSale } from "@countertop/domain";
import type { StoredDoc } from "../db/schema";

/*
 * What a push does beyond storing its documents — stock movements, stock levels, reconciliation
 * items — as pure functions of the pushed documents and what the database held. The push reads
 * once, decides here, and writes once.
 */

/** A catalog variant as the server checks sales against it. */
export interface CatalogVariant {
  readonly track: boolean;
  readonly price: number;
  readonly sku: string;
}

/** Something the manager must look at. The id is deterministic, so raising it again updates one item. */
export interface Raise {
  readonly id: string;
  readonly kind: "oversell" | "price_mismatch" | "late_sync" | "cash_variance" | "duplicate_customer";
  readonly refId: string;
  readonly details: Record<string, unknown>;
}

/** A sale this late, or one whose shift had closed, is a `late_sync` item for the manager. */
export const LATE_AFTER_MS = 24 * 3600_000;

interface SaleLike {
  readonly id: string;
  readonly kind: string;
  readonly locationId: string;
  readonly registerId?: string;
  readonly createdAt: string;
  readonly lines: readonly { readonly id: string; readonly variantId: string; readonly qty: number }[];
}

/**
 * The stock movements a sale or refund causes: one per line of a stock-tracked variant, with the
 * id `{saleId}:{lineId}` so a re-pushed sale can never move stock twice. A variant the catalog does
 * not know still moves stock — the goods left the shop either way.
 */
export function saleMovements(sale: StoredDoc, catalog: ReadonlyMap<string, CatalogVariant>): StoredDoc[] {
  const s = sale as unknown as SaleLike;
  const sign = s.kind === "refund" ? 1 : -1;
  return s.lines
    .filter((line) => catalog.get(line.variantId)?.track !== false)
    .map((line) => ({
      id: `${s.id}:${line.id}`,
      locationId: s.locationId,
      variantId: line.variantId,
      delta: sign * line.qty,
      reason: s.kind === "refund" ? "refund" : "sale",
      refId: s.id,
      ...(s.registerId ? { deviceId: s.registerId } : {}),
      occurredAt: s.createdAt,
      _deleted: false,
    }));
}

/**
 * The movements that put an order's reserved stock back (`order_cancel`), one per `order` movement
 * made at checkout, with ids derived from them so they are written once however often the push comes.
 */
export function orderCancelMovements(orderMovements: readonly StoredDoc[], now: Date): StoredDoc[] {
  return orderMovements
    .filter((m) => m.reason === "order")
    .map((m) => ({
      id: `${String(m.id)}:cancel`,
      locationId: m.locationId,
      variantId: m.variantId,
      delta: -Number(m.delta),
      reason: "order_cancel",
      refId: m.refId,
      occurredAt: now.toISOString(),
      _deleted: false,
    }));
}

/** The stock level ids (`{locationId}:{variantId}`) that movements touch. */
export function levelIdsOf(movements: readonly StoredDoc[]): string[] {
  return [...new Set(movements.map((m) => `${String(m.locationId)}:${String(m.variantId)}`))];
}

/** New stock levels after `movements`, from the current `onHand` of each level (absent = 0). Levels may go negative. */
export function applyToLevels(movements: readonly StoredDoc[], onHand: ReadonlyMap<string, number>, now: Date): StoredDoc[] {
  const deltas = new Map<string, { locationId: string; variantId: string; delta: number }>();
  for (const m of movements) {
    const id = `${String(m.locationId)}:${String(m.variantId)}`;
    const entry = deltas.get(id) ?? { locationId: String(m.locationId), variantId: String(m.variantId), delta: 0 };
    entry.delta += Number(m.delta);
    deltas.set(id, entry);
  }
  const iso = now.toISOString();
  return [...deltas.entries()]
    .filter(([, d]) => d.delta !== 0)
    .map(([id, d]) => ({
      id,
      locationId: d.locationId,
      variantId: d.variantId,
      onHand: (onHand.get(id) ?? 0) + d.delta,
      updatedAt: iso,
      _deleted: false,
    }));
}

/** An `oversell` item for each level below zero. */
export function oversells(levels: readonly StoredDoc[], catalog: ReadonlyMap<string, CatalogVariant>): Raise[] {
  return levels
    .filter((l) => Number(l.onHand) < 0)
    .map((l) => ({
      id: `oversell:${String(l.id)}`,
      kind: "oversell",
      refId: String(l.id),
      details: { locationId: l.locationId, variantId: l.variantId, sku: catalog.get(String(l.variantId))?.sku ?? null, onHand: l.onHand },
    }));
}

/** `price_mismatch` when the server's pricing disagrees with the till's; `late_sync` for a sale after its shift closed or a day late. */
export function saleChecks(
  sales: readonly StoredDoc[],
  facts: {
    readonly catalog: ReadonlyMap<string, CatalogVariant>;
    readonly closedShifts: ReadonlySet<string>;
    readonly promotions: readonly StoredDoc[];
  },
  now: Date,
): Raise[] {
  const prices = new Map([...facts.catalog].map(([id, v]) => [id, v.price]));
  const promotions = facts.promotions as unknown as PromotionDocument[];
  return sales.flatMap((sale): Raise[] => {
    const id = String(sale.id);
    const raises: Raise[] = [];
    const { mismatches } = repriceSale(sale as unknown as RepriceSale, { catalogPrices: prices, promotions });
    if (mismatches.length > 0)
      raises.push({ id: `price_mismatch:${id}`, kind: "price_mismatch", refId: id, details: { mismatches: mismatches.slice(0, 50) } });
    const shiftClosed = facts.closedShifts.has(String(sale.shiftId));
    if (shiftClosed || now.getTime() - Date.parse(String(sale.createdAt)) > LATE_AFTER_MS) {
      raises.push({
        id: `late_sync:${id}`,
        kind: "late_sync",
        refId: id,
        details: { createdAt: sale.createdAt, receivedAt: now.toISOString(), shiftClosed },
      });
    }
    return raises;
  });
}

/** A shift closed with the drawer over or short is a `cash_variance` item. */
export function cashVariances(shifts: readonly StoredDoc[]): Raise[] {
  return shifts
    .filter((s) => s.status === "closed" && typeof s.variance === "number" && s.variance !== 0)
    .map((s) => ({
      id: `cash_variance:${String(s.id)}`,
      kind: "cash_variance",
      refId: String(s.id),
      details: {
        registerId: s.registerId,
        expectedCash: s.expectedCash,
        countedCash: s.countedCash,
        variance: s.variance,
        closedBy: s.closedBy,
        closedAt: s.closedAt,
      },
    }));
}

/**
 * A customer whose email or phone another customer already has is flagged for the manager (not
 * rejected: a till created it offline, and only a person can tell two Anas apart).
 */
export function duplicateCustomers(
  written: readonly StoredDoc[],
  sharing: readonly { id: string; email: string | null; phone: string | null }[],
): Raise[] {
  return written.flatMap((customer): Raise[] => {
    const email = typeof customer.email === "string" ? customer.email.toLowerCase() : undefined;
    const phone = typeof customer.phone === "string" ? customer.phone : undefined;
    const matches = sharing.filter(
      (other) => other.id !== customer.id && ((email && other.email === email) || (phone && other.phone === phone)),
    );
    if (matches.length === 0 || customer._deleted === true) return [];
    return [
      {
        id: `duplicate_customer:${String(customer.id)}`,
        kind: "duplicate_customer",
        refId: String(customer.id),
        details: { matches: matches.map((m) => m.id), ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
      },
    ];
  });
}

/**
 * The reconciliation documents for `raises`: a new item is created open; an existing one gets the
 * latest details; a resolved one is reopened (the problem came back, e.g. stock went negative again).
 */
export function reconciliationDocs(raises: readonly Raise[], existing: ReadonlyMap<string, StoredDoc>, now: Date): StoredDoc[] {
  const byId = new Map(raises.map((r) => [r.id, r]));
  return [...byId.values()].map((r) => {
    const before = existing.get(r.id);
    const base = { id: r.id, kind: r.kind, refId: r.refId, status: "open", details: r.details, _deleted: false };
    if (!before) return { ...base, createdAt: now.toISOString() };
    const { resolvedBy: _by, resolvedAt: _at, resolution: _res, ...kept } = before;
    return { ...kept, ...base, createdAt: before.createdAt ?? now.toISOString() };
  });
}
