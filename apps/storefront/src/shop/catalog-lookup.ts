import type { Product, ShopSnapshot, StockLevel } from "@countertop/sync-protocol";
import { byName, shopSearchNeedle } from "@countertop/sync-protocol/client";
import { shopDataOf, type ShopData } from "./shop-data";

/**
 * What the server found for the category and searches a shopper asked about while the shop's own
 * catalog was still partial (a large shop's first page, or a replica still on its first sync):
 * the products and their stock, and for each category and search (by {@link scopeKey}) whether
 * every product matching it is here.
 */
export interface Found {
  readonly products: readonly Product[];
  readonly stockLevels: readonly StockLevel[];
  readonly asked: ReadonlyMap<string, boolean>;
}

export const NOTHING_FOUND: Found = { products: [], stockLevels: [], asked: new Map() };

/** A category and search as one key: the search as the catalog matches it (trimmed, any case). */
export function scopeKey(category: string | undefined, q: string | undefined): string {
  return `${category ?? ""}\n${shopSearchNeedle(q) ?? ""}`;
}

/** What the page's own snapshot says it holds for the category and search it was asked with. */
export function foundInPage(snapshot: ShopSnapshot): Found {
  if (!snapshot.asked) return NOTHING_FOUND;
  return { ...NOTHING_FOUND, asked: new Map([[scopeKey(snapshot.asked.category, snapshot.asked.q), snapshot.asked.all]]) };
}

/** `found` with a catalog answer for `key` added: its products and stock, and whether it holds all of the key's matches. */
export function addFound(found: Found, key: string, answer: ShopSnapshot): Found {
  const products = new Map(found.products.map((p) => [p.id, p]));
  for (const p of answer.products) products.set(p.id, p);
  const levels = new Map(found.stockLevels.map((l) => [l.id, l]));
  for (const l of answer.stockLevels) levels.set(l.id, l);
  return {
    products: [...products.values()],
    stockLevels: [...levels.values()],
    asked: new Map([...found.asked, [key, answer.asked?.all ?? answer.complete]]),
  };
}

/**
 * The catalog the pages show: `data` with what was found added — products it lacks (in name order
 * with the rest) and their stock. What `data` holds itself wins: it is the newer (the replica's live).
 */
export function withFound(data: ShopData, found: Found): ShopData {
  if (found.products.length === 0) return data;
  const known = new Set(data.products.map((p) => p.id));
  const extra = found.products.filter((p) => !known.has(p.id));
  if (extra.length === 0) return data;
  const theirs = shopDataOf({
    products: extra,
    categories: [],
    settings: data.settings ?? null,
    promotions: [],
    stockLevels: found.stockLevels,
  });
  return {
    ...data,
    products: [...data.products, ...theirs.products].sort(byName),
    stock: new Map([...theirs.stock, ...data.stock]),
  };
}

/** Asks the server for the shop's products in a category and search (`GET /api/v1/shop/{slug}/catalog`). */
export async function lookUpCatalog(slug: string, category: string | undefined, q: string, signal: AbortSignal): Promise<ShopSnapshot> {
  const params = new URLSearchParams();
  if (category) params.set("category", category);
  if (q.trim()) params.set("q", q.trim());
  const res = await fetch(`/api/v1/shop/${encodeURIComponent(slug)}/catalog?${params}`, { signal });
  if (!res.ok) throw new Error(`The shop's catalog could not be searched (${res.status}).`);
  return (await res.json()) as ShopSnapshot;
}
