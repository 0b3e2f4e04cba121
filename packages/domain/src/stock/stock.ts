import type { Qty } from "../units.ts";
import { qty } from "../units.ts";

/** A change of stock of one variant at one location (append-only; the level is their sum). */
export interface StockMovementDelta {
  readonly variantId: string;
  readonly locationId: string;
  readonly delta: Qty;
}

/** Units held for someone (an unpaid storefront order, a cart at checkout). */
export interface StockReservation {
  readonly variantId: string;
  readonly locationId: string;
  readonly qty: Qty;
}

/** On-hand units of one variant at one location. May be negative: the sale happened anyway. */
export interface StockLevel {
  readonly variantId: string;
  readonly locationId: string;
  readonly onHand: Qty;
}

/** Who is asking: shoppers never see below zero; staff see the real (possibly negative) number. */
export type StockAudience = "shopper" | "staff";

/** How a level reads: on the manager's stock screen, on the till's product tiles, in the shop. */
export type StockStatus = "negative" | "out" | "low" | "ok";

/**
 * How few units read as `low`, by audience, until products carry their own threshold: the till
 * marks a cashier's last few units; the shop starts telling shoppers "only N left" a little earlier.
 */
export const LOW_STOCK_THRESHOLD: Readonly<Record<StockAudience, Qty>> = { staff: qty(3), shopper: qty(5) };

/** The `stock_levels` document id for a variant at a location. */
export function stockLevelId(locationId: string, variantId: string): string {
  return `${locationId}:${variantId}`;
}

/**
 * Folds movements into levels, one per (location, variant) that has any movement, ordered by
 * first appearance. The server keeps `stock_levels` as exactly this projection.
 */
export function stockLevels(movements: readonly StockMovementDelta[]): StockLevel[] {
  const levels = new Map<string, StockLevel>();
  for (const m of movements) {
    const key = stockLevelId(m.locationId, m.variantId);
    const current = levels.get(key)?.onHand ?? 0;
    levels.set(key, { variantId: m.variantId, locationId: m.locationId, onHand: qty(current + qty(m.delta)) });
  }
  return [...levels.values()];
}

/** On-hand units of one variant at one location: the sum of its movements (0 for none). */
export function onHand(movements: readonly StockMovementDelta[], variantId: string, locationId: string): Qty {
  let total = 0;
  for (const m of movements) if (m.variantId === variantId && m.locationId === locationId) total = qty(total + qty(m.delta));
  return qty(total);
}

/**
 * Units that can still be promised at a location: on hand minus reservations there. For shoppers
 * the result is floored at 0 (a storefront never shows "−2 in stock"); staff get the raw number.
 *
 * @example
 * available({ onHand: qty(3), variantId: "v", locationId: "shop" }, [{ variantId: "v", locationId: "shop", qty: qty(5) }]) // 0
 */
export function available(level: StockLevel, reservations: readonly StockReservation[] = [], audience: StockAudience = "shopper"): Qty {
  let free = level.onHand as number;
  for (const r of reservations) if (r.variantId === level.variantId && r.locationId === level.locationId) free -= qty(r.qty);
  return qty(audience === "shopper" ? Math.max(0, free) : free);
}

/**
 * Classifies a level: `negative` below 0 (oversold — reconcile), `out` at 0, `low` at or below
 * `lowThreshold`, else `ok`.
 */
export function classifyStock(units: Qty, lowThreshold: Qty = qty(0)): StockStatus {
  if (units < 0) return "negative";
  if (units === 0) return "out";
  return units <= lowThreshold ? "low" : "ok";
}

/**
 * How a level reads to `audience` — the one rule the till's tiles and the shop's "only N left" share.
 * Shoppers never see below zero (an oversold item is `out`, not `negative`); each audience has its
 * own {@link LOW_STOCK_THRESHOLD} unless `lowThreshold` is given.
 *
 * @example
 * stockStatus(qty(-1), "staff")   // "negative"
 * stockStatus(qty(-1), "shopper") // "out"
 * stockStatus(qty(4), "staff")    // "ok"
 * stockStatus(qty(4), "shopper")  // "low"
 */
export function stockStatus(units: Qty, audience: StockAudience, lowThreshold: Qty = LOW_STOCK_THRESHOLD[audience]): StockStatus {
  return classifyStock(audience === "shopper" ? qty(Math.max(0, units)) : units, lowThreshold);
}
