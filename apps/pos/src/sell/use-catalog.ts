import type { Category, Product, Sale, StockLevel } from "@countertop/sync-protocol";
import { plain, useObservable } from "@countertop/ui";
import { useMemo } from "react";
import type { PosDatabase } from "../data/replica";

/** Products shown before the whole catalog is read: enough to fill the first screen of a big shop. */
const FIRST_PAGE = 60;
const BY_NAME: { [field: string]: "asc" }[] = [{ status: "asc" }, { name: "asc" }];

/** What the sell screen shows and looks up: the catalog, its categories, stock and barcodes. */
export interface SellCatalog {
  /** `undefined` until the whole active catalog is read (the first page shows meanwhile). */
  readonly loaded: boolean;
  readonly products: readonly Product[];
  /** Categories in the manager's order, without deleted ones. */
  readonly categories: readonly Category[];
  /** Units on hand by variant: the server's level minus what this till sold that hasn't reached it yet. */
  readonly onHand: ReadonlyMap<string, number>;
  /** A product variant by barcode or lower-cased SKU. */
  readonly byCode: ReadonlyMap<string, { product: Product; variantId: string }>;
  /** The products of `category` (all when undefined) whose name, SKU or barcode contains `query`. */
  filter(query: string, category: string | undefined): readonly Product[];
}

/**
 * The till's catalog for selling, from the replica. The first screenful comes from an indexed,
 * limited query, so a big catalog doesn't hold up the sell screen; every product is reachable once
 * the rest is read (the grid is virtualized, nothing is cut off).
 */
export function useSellCatalog(db: PosDatabase, locationId: string, unsynced: readonly Sale[] | undefined): SellCatalog {
  // Both in name order, from the replica's [status, name] index.
  const productDocs = useObservable(() => db.products.find({ selector: { status: "active" }, sort: BY_NAME }).$, [db]);
  const firstPageDocs = useObservable(() => db.products.find({ selector: { status: "active" }, sort: BY_NAME, limit: FIRST_PAGE }).$, [db]);
  const categoryDocs = useObservable(() => db.categories.find().$, [db]);
  const levelDocs = useObservable(() => db.stock_levels.find({ selector: { locationId } }).$, [db, locationId]);
  const loaded = productDocs !== undefined;
  // Plain copies are made once per change of the replica, not on every keystroke.
  const products = useMemo(() => plain<Product>(loaded ? productDocs : firstPageDocs), [loaded, productDocs, firstPageDocs]);
  const categories = useMemo(
    () =>
      plain<Category>(categoryDocs)
        .filter((c) => !c._deleted)
        .sort((a, b) => a.position - b.position),
    [categoryDocs],
  );
  const levels = useMemo(() => plain<StockLevel>(levelDocs), [levelDocs]);
  const onHand = useMemo(() => {
    const map = new Map(levels.map((l) => [l.variantId, l.onHand]));
    for (const sale of unsynced ?? []) {
      if (sale.locationId !== locationId) continue;
      for (const line of sale.lines)
        map.set(line.variantId, (map.get(line.variantId) ?? 0) + (sale.kind === "refund" ? line.qty : -line.qty));
    }
    return map;
  }, [levels, unsynced, locationId]);
  const byCode = useMemo(() => {
    const map = new Map<string, { product: Product; variantId: string }>();
    for (const p of products)
      for (const v of p.variants) {
        if (v.barcode) map.set(v.barcode, { product: p, variantId: v.id });
        map.set(v.sku.toLowerCase(), { product: p, variantId: v.id });
      }
    return map;
  }, [products]);
  // One lower-cased text per product (name, SKUs, barcodes), built when the catalog changes: a keystroke only scans strings.
  const haystacks = useMemo(
    () => products.map((p) => [p.name, ...p.variants.flatMap((v) => [v.sku, v.barcode ?? ""])].join("\u0000").toLowerCase()),
    [products],
  );
  return useMemo(
    () => ({
      loaded,
      products,
      categories,
      onHand,
      byCode,
      filter(query, category) {
        const q = query.trim().toLowerCase();
        if (!q && !category) return products;
        return products.filter((p, i) => (!category || p.categoryId === category) && (!q || haystacks[i]!.includes(q)));
      },
    }),
    [loaded, products, categories, onHand, byCode, haystacks],
  );
}
