import type { Category, Product, Promotion, Settings, StockLevel } from "@countertop/sync-protocol";
import { plain } from "@countertop/ui";
import { combineLatest, map } from "rxjs";
import { openShop, shopSync, type ShopDatabase } from "./replica";
import { shopSession } from "./session";
import { shopDataOf } from "./shop-data";
import type { ShopStore } from "./shop-state";

/**
 * How long a page painted from the server's snapshot waits for the replica's first full sync before
 * it shows the replica anyway (a tab that is not the replica's leader never syncs itself: another
 * tab fills the same database).
 */
const CATCH_UP_MS = 10_000;

/** The shop's documents from the replica, live, as the pages read them. */
function liveData(db: ShopDatabase) {
  return combineLatest([
    db.products.find({ selector: { status: "active" }, sort: [{ status: "asc" }, { name: "asc" }] }).$,
    db.categories.find().$,
    db.settings.findOne("shop").$,
    db.promotions.find().$,
    db.stock_levels.find().$,
  ]).pipe(
    map(([products, categories, settings, promotions, levels]) =>
      shopDataOf({
        products: plain<Product>(products),
        categories: plain<Category>(categories),
        settings: settings ? (settings.toJSON() as Settings) : null,
        promotions: plain<Promotion>(promotions),
        stockLevels: plain<StockLevel>(levels),
      }),
    ),
  );
}

/**
 * Loaded after the first paint (RxDB and Dexie live in this chunk): gets the shopper's session, opens
 * the shop's replica and lets it take over the pages. A page painted from the server's snapshot keeps
 * it until the replica has synced once, so the list never flashes empty on a first visit; a page
 * without one (the service worker's offline shell) shows the replica at once.
 */
export async function takeOver(slug: string, store: ShopStore): Promise<void> {
  const session = await shopSession(slug);
  store.set({ session });
  const db = await openShop(slug, session);
  const sync = shopSync();
  store.set({ standing: sync });
  if (store.get().source === "snapshot" && sync) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([sync.awaitInitialSync(), new Promise((resolve) => (timer = setTimeout(resolve, CATCH_UP_MS)))]);
    clearTimeout(timer);
  }
  let replicaHasShop = store.get().source !== "snapshot";
  // A replica that has synced once before holds the whole catalog (as of then; the sync catches up).
  const everSynced = `countertop.shop.${slug}.synced`;
  let synced = !sync || localStorage.getItem(everSynced) === "1";
  void sync?.awaitInitialSync().then(() => {
    synced = true;
    localStorage.setItem(everSynced, "1");
    if (store.get().source === "replica") store.set({ complete: true });
  });
  liveData(db).subscribe((data) => {
    // Still no catalog in the replica after the wait (offline, or another tab syncs slowly): the snapshot stays.
    replicaHasShop ||= data.loaded && data.settings !== undefined;
    if (replicaHasShop) store.set({ data, source: "replica", complete: synced });
  });
}
