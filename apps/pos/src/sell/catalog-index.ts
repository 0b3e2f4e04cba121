import type { Product } from "@countertop/sync-protocol";

/** A product variant found by barcode or lower-cased SKU. */
export interface CodeHit {
  readonly product: Product;
  readonly variantId: string;
}

/**
 * The sell screen's catalog in memory, built once per change of the catalog (not per keystroke):
 * the active products in name order, one lower-cased text per product to search (name, SKUs and
 * barcodes) and the variants by code. A search scans strings and returns the matching products
 * themselves: nothing is copied per keystroke.
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

// A product's search text, kept while the product object is the same one: a change of one product
// re-lowers one text, not twenty thousand.
const haystackOf = new WeakMap<Product, string>();
/** A product's lower-cased search text (made once per product object: call it early to spread the work). */
export function haystack(p: Product): string {
  let text = haystackOf.get(p);
  if (text === undefined) {
    text = [p.name, ...p.variants.flatMap((v) => [v.sku, v.barcode ?? ""])].join("\u0000").toLowerCase();
    haystackOf.set(p, text);
  }
  return text;
}

/** Indexes `products`, which must already be active and in {@link byName} order. */
export function indexCatalog(products: readonly Product[]): CatalogIndex {
  const haystacks = products.map(haystack);
  const byCode = new Map<string, CodeHit>();
  for (const product of products)
    for (const v of product.variants) {
      if (v.barcode) byCode.set(v.barcode, { product, variantId: v.id });
      byCode.set(v.sku.toLowerCase(), { product, variantId: v.id });
    }
  // The last answer: a search that extends it (the next key typed) can only narrow it, so it scans
  // those products instead of the whole catalog.
  let last: { q: string; category: string | undefined; found: readonly Product[] } | undefined;
  return {
    products,
    byCode,
    filter(query, category) {
      const q = query.trim().toLowerCase();
      if (!q && !category) return products;
      const from = last && last.category === category && q.startsWith(last.q) ? last.found : products;
      if (last && from === last.found && q === last.q) return last.found;
      const found: Product[] = [];
      if (from === products)
        for (let i = 0; i < products.length; i++) {
          const p = products[i]!;
          if ((!category || p.categoryId === category) && (!q || haystacks[i]!.includes(q))) found.push(p);
        }
      else for (const p of from) if (haystack(p).includes(q)) found.push(p);
      // Nothing filtered out: the same list as before, so the grid has nothing to render again.
      const answer = found.length === from.length ? from : found;
      last = { q, category, found: answer };
      return answer;
    },
  };
}
