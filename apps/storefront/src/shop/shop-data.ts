import { available, qty, stockStatus } from "@countertop/domain";
import type { Category, Product, Promotion, Settings, StockLevel } from "@countertop/sync-protocol";
import { MAX_QTY } from "../cart/cart";

/** What every page reads: the catalog, availability at the shop's location, settings and promotions. */
export interface ShopData {
  readonly loaded: boolean;
  readonly products: readonly Product[];
  readonly categories: readonly Category[];
  readonly settings: Settings | undefined;
  readonly promotions: readonly Promotion[];
  /** Units a shopper may buy, by variant, at the shop's first location (never below zero); absent = no level yet. */
  readonly stock: ReadonlyMap<string, number>;
}

/** The documents a {@link ShopData} is made of, as the replica or the page's snapshot has them; `undefined` = not read yet. */
export interface ShopDocuments {
  readonly products: readonly Product[] | undefined;
  readonly categories: readonly Category[] | undefined;
  /** `null`: the shop has none (yet). */
  readonly settings: Settings | null | undefined;
  readonly promotions: readonly Promotion[] | undefined;
  readonly stockLevels: readonly StockLevel[] | undefined;
}

/** What the pages read, from the shop's documents: live products, categories in order, stock at the first location. */
export function shopDataOf(docs: ShopDocuments): ShopData {
  const { products, categories, settings, promotions, stockLevels } = docs;
  const location = settings?.locations[0]?.id;
  const here = (stockLevels ?? []).filter((l) => !l._deleted && (!location || l.locationId === location));
  return {
    loaded: products !== undefined && settings !== undefined,
    products: (products ?? []).filter((p) => !p._deleted),
    categories: (categories ?? []).filter((c) => !c._deleted).sort((a, b) => a.position - b.position),
    settings: settings ?? undefined,
    promotions: promotions ?? [],
    stock: new Map(here.map((l) => [l.variantId, available({ ...l, onHand: qty(l.onHand) })])),
  };
}

/** What a shopper is told about stock. */
export interface Availability {
  readonly text: string;
  readonly soldOut: boolean;
}

/** "In stock", "Only 3 left", "Sold out" (the domain's reading for shoppers) — or nothing for made-to-order items. */
export function availability(units: number | undefined, tracked: boolean): Availability | undefined {
  if (!tracked) return undefined;
  const n = qty(units ?? 0);
  switch (stockStatus(n, "shopper")) {
    case "ok":
      return { text: "In stock", soldOut: false };
    case "low":
      return { text: `Only ${n} left`, soldOut: false };
    default:
      return { text: "Sold out", soldOut: true };
  }
}

/** A product's availability on its card: the units of all its variants, unless one of them is made to order. */
export function productAvailability(product: Product, stock: ShopData["stock"]): Availability | undefined {
  const units = product.variants.reduce((n, v) => n + (stock.get(v.id) ?? 0), 0);
  return availability(
    units,
    product.variants.every((v) => v.trackStock),
  );
}

/**
 * How many of a variant a shopper may put in the cart: what the shop has left of a stock-tracked
 * variant, {@link MAX_QTY} of one made to order.
 */
export function unitsLeft(data: ShopData, variantId: string): number {
  const variant = data.products.flatMap((p) => p.variants).find((v) => v.id === variantId);
  if (!variant) return 0;
  return variant.trackStock ? Math.max(0, data.stock.get(variantId) ?? 0) : MAX_QTY;
}
