import type { Category, Product, Sale, StockLevel } from "@countertop/sync-protocol";
import { plain, useObservable } from "@countertop/ui";
import { useMemo } from "react";
import type { PosDatabase } from "../data/replica";
import type { CodeHit } from "./catalog-index";
import { useCatalogState } from "./catalog-store";

/** What the sell screen shows and looks up: the catalog, its categories, stock and barcodes. */
export interface SellCatalog {
  /** `false` until the whole active catalog is read (the first page shows meanwhile). */
  readonly loaded: boolean;
  readonly products: readonly Product[];
  /** Categories in the manager's order, without deleted ones. */
  readonly categories: readonly Category[];
  /**
   * Units on hand by variant: the server's level minus what this till sold that hasn't reached it
   * yet. `undefined` while the levels are still being read: not "0 in stock" on every tile meanwhile.
   */
  readonly onHand: ReadonlyMap<string, number> | undefined;
  /** A product variant by barcode or lower-cased SKU. */
  readonly byCode: ReadonlyMap<string, CodeHit>;
  /** The products of `category` (all when undefined) whose name, SKU or barcode contains `query`. */
  filter(query: string, category: string | undefined): readonly Product[];
}

/**
 * The till's catalog for selling: the in-memory catalog of the replica (read in the background
 * from the moment the till opens, see `catalog-store.ts`; until it is whole, its first screenful),
 * so a big catalog never holds up the sell screen.
 */
export function useSellCatalog(db: PosDatabase, locationId: string, unsynced: readonly Sale[] | undefined): SellCatalog {
  const { loaded, index } = useCatalogState(db);
  const categoryDocs = useObservable(() => db.categories.find().$, [db]);
  const levelDocs = useObservable(() => db.stock_levels.find({ selector: { locationId } }).$, [db, locationId]);
  const categories = useMemo(
    () =>
      plain<Category>(categoryDocs)
        .filter((c) => !c._deleted)
        .sort((a, b) => a.position - b.position),
    [categoryDocs],
  );
  const onHand = useMemo(() => {
    if (levelDocs === undefined) return undefined;
    const map = new Map(plain<StockLevel>(levelDocs).map((l) => [l.variantId, l.onHand]));
    for (const sale of unsynced ?? []) {
      if (sale.locationId !== locationId) continue;
      for (const line of sale.lines)
        map.set(line.variantId, (map.get(line.variantId) ?? 0) + (sale.kind === "refund" ? line.qty : -line.qty));
    }
    return map;
  }, [levelDocs, unsynced, locationId]);
  return useMemo(
    () => ({
      loaded,
      products: index.products,
      categories,
      onHand,
      byCode: index.byCode,
      filter: index.filter,
    }),
    [loaded, index, categories, onHand],
  );
}
