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
  return () => cycles.unsubscribe();
}
