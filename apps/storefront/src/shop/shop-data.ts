import type { Category, Product, Promotion, Settings, StockLevel } from "@countertop/sync-protocol";
import { useDocument, useDocuments } from "@countertop/ui";
import { useMemo } from "react";
import type { ShopDatabase } from "./replica";

/** What every page reads: the catalog, availability at the shop's location, settings and promotions. */
export interface ShopData {
  readonly loaded: boolean;
  readonly products: readonly Product[];
  readonly categories: readonly Category[];
  readonly settings: Settings | undefined;
  readonly promotions: readonly Promotion[];
  /** On hand by variant at the shop's first location; absent = not tracked. */
  readonly stock: ReadonlyMap<string, number>;
}

export function useShopData(db: ShopDatabase): ShopData {
  const products = useDocuments<Product>(
    () => db.products.find({ selector: { status: "active" }, sort: [{ status: "asc" }, { name: "asc" }] }).$,
    [db],
  );
  const categories = useDocuments<Category>(() => db.categories.find().$, [db]);
  const settings = useDocument<Settings>(() => db.settings.findOne("shop").$, [db]);
  const promotions = useDocuments<Promotion>(() => db.promotions.find().$, [db]);
  const levels = useDocuments<StockLevel>(() => db.stock_levels.find().$, [db]);
  return useMemo(() => {
    const location = settings?.locations[0]?.id;
    const here = (levels ?? []).filter((l) => !location || l.locationId === location);
    return {
      loaded: products !== undefined && settings !== undefined,
      products: (products ?? []).filter((p) => !p._deleted),
      categories: (categories ?? []).filter((c) => !c._deleted).sort((a, b) => a.position - b.position),
      settings: settings ?? undefined,
      promotions: promotions ?? [],
      stock: new Map(here.map((l) => [l.variantId, l.onHand])),
    };
  }, [products, categories, settings, promotions, levels]);
}

/** "In stock", "Only 3 left", "Sold out" — or nothing for made-to-order items. */
export function availability(onHand: number | undefined, tracked: boolean): { text: string; soldOut: boolean } | undefined {
  if (!tracked) return undefined;
  const n = onHand ?? 0;
  if (n <= 0) return { text: "Sold out", soldOut: true };
  if (n <= 5) return { text: `Only ${n} left`, soldOut: false };
  return { text: "In stock", soldOut: false };
}
