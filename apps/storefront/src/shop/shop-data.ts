import type { Category, Product, Promotion, Settings, StockLevel } from "@countertop/sync-protocol";
import { useMemo } from "react";
import type { ShopDatabase } from "./replica";
import { useObservable } from "./use-rx";

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

const plain = <T>(docs: readonly { toJSON(): unknown }[] | undefined) => (docs ?? []).map((d) => d.toJSON() as T);

export function useShopData(db: ShopDatabase): ShopData {
  const productDocs = useObservable(
    () => db.products.find({ selector: { status: "active" }, sort: [{ status: "asc" }, { name: "asc" }] }).$,
    [db],
  );
  const categoryDocs = useObservable(() => db.categories.find().$, [db]);
  const settingsDoc = useObservable(() => db.settings.findOne("shop").$, [db]);
  const promotionDocs = useObservable(() => db.promotions.find().$, [db]);
  const levelDocs = useObservable(() => db.stock_levels.find().$, [db]);
  return useMemo(() => {
    const settings = settingsDoc?.toJSON() as Settings | undefined;
    const location = settings?.locations[0]?.id;
    const levels = plain<StockLevel>(levelDocs).filter((l) => !location || l.locationId === location);
    return {
      loaded: productDocs !== undefined && settingsDoc !== undefined,
      products: plain<Product>(productDocs).filter((p) => !p._deleted),
      categories: plain<Category>(categoryDocs)
        .filter((c) => !c._deleted)
        .sort((a, b) => a.position - b.position),
      settings,
      promotions: plain<Promotion>(promotionDocs),
      stock: new Map(levels.map((l) => [l.variantId, l.onHand])),
    };
  }, [productDocs, categoryDocs, settingsDoc, promotionDocs, levelDocs]);
}

/** "In stock", "Only 3 left", "Sold out" — or nothing for made-to-order items. */
export function availability(onHand: number | undefined, tracked: boolean): { text: string; soldOut: boolean } | undefined {
  if (!tracked) return undefined;
  const n = onHand ?? 0;
  if (n <= 0) return { text: "Sold out", soldOut: true };
  if (n <= 5) return { text: `Only ${n} left`, soldOut: false };
  return { text: "In stock", soldOut: false };
}
