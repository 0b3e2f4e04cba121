import type { ReplicaSync } from "@countertop/replica";
import type { CollectionName, Sale } from "@countertop/sync-protocol";

/** The catalog this till sells at: the checkpoints of the products and promotions it has pulled. */
export type CatalogVersion = Pick<Sale, "catalogSeq" | "promotionsSeq">;

let current: CatalogVersion = {};

/** The catalog version the next sale records (synchronous: paying never waits on it). */
export function catalogVersion(): CatalogVersion {
  return current;
}

/**
 * Keeps {@link catalogVersion} up to date: read from the replication's stored checkpoints at start
 * (offline too) and after every sync cycle. A sale carries it, so the server re-prices the sale
 * against the catalog the till had — an offline sale at yesterday's price is not a mismatch.
 */
export function trackCatalogVersion(sync: ReplicaSync<CollectionName>): () => void {
  const refresh = async () => {
    const [products, promotions] = await Promise.all([sync.checkpointOf("products"), sync.checkpointOf("promotions")]);
    current = { ...(products ? { catalogSeq: products } : {}), ...(promotions ? { promotionsSeq: promotions } : {}) };
  };
  void refresh();
  const cycles = sync.active$.subscribe((active) => !active && void refresh());
  // A product arriving on the live stream shows on the sell screen before the cycle ends: read the
  // checkpoint again right after it is stored, so a sale at the new price never names the old catalog.
  let soon: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(soon);
    soon = setTimeout(() => void refresh(), 50);
  };
  const arrivals = [sync.states.products.received$.subscribe(later), sync.states.promotions.received$.subscribe(later)];
  return () => {
    cycles.unsubscribe();
    arrivals.forEach((a) => a.unsubscribe());
    clearTimeout(soon);
  };
}
