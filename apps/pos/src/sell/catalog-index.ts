import type { Product } from "@countertop/sync-protocol";
import { keptText, textFilter } from "../data/text-filter";

/** A product variant found by barcode or lower-cased SKU. */
export interface CodeHit {
  readonly product: Product;
  readonly variantId: string;
}

/**
 * The sell screen's catalog in memory, built once per change of the catalog (not per keystroke):
 * the active products in name order, one lower-cased text per product to search (name, SKUs and
 * barcodes) and the variants by code. A search scans strings and returns the matching products
 * themselves: nothing is copied per keystroke ({@link textFilter}).
 */
export interface CatalogIndex {
  readonly products: readonly Product[];
  readonly byCode: ReadonlyMap<string, CodeHit>;
  /** The products of `category` (all when undefined) whose name, SKU or barcode contains `query`. */
  filter(query: string, category: string | undefined): readonly Product[];
}

/** The replica's order of `[status, name]` (its index): by name, then by id, as strings compare in IndexedDB. */
export function byName(a: Product, b: Product): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A product's lower-cased search text: its name, SKUs and barcodes (made once per product object: call it early to spread the work). */
export const haystack = keptText((p: Product) =>
  [p.name, ...p.variants.flatMap((v) => [v.sku, v.barcode ?? ""])].join("\u0000").toLowerCase(),
);

/** Indexes `products`, which must already be active and in {@link byName} order. */
export function indexCatalog(products: readonly Product[]): CatalogIndex {
  const byCode = new Map<string, CodeHit>();
  for (const product of products)
    for (const v of product.variants) {
      if (v.barcode) byCode.set(v.barcode, { product, variantId: v.id });
      byCode.set(v.sku.toLowerCase(), { product, variantId: v.id });
    }
  const search = textFilter(products, haystack);
  return {
    products,
    byCode,
    filter: (query, category) =>
      search(query, category === undefined ? undefined : { key: category, holds: (p) => p.categoryId === category }),
  };
}
