import type { Product } from "@countertop/sync-protocol";
import type { RxCollection } from "rxdb";
import { memoryOf, ReplicaMemory, useMemory, type MemoryState } from "../data/replica-memory";
import type { PosDatabase } from "../data/replica";
import { byName, haystack, indexCatalog, type CatalogIndex } from "./catalog-index";

/** Products shown before the whole catalog is read: enough to fill the first screen of a big shop. */
const FIRST_SCREEN = 60;
const BY_NAME: { [field: string]: "asc" }[] = [{ status: "asc" }, { name: "asc" }];

/** The sell screen's catalog as it stands. */
export type CatalogState = MemoryState<CatalogIndex>;

/**
 * The active catalog of a replica in memory, for the sell screen ({@link ReplicaMemory}), read from
 * the moment the till has its first sync — while a cashier is still at the lock screen. First the
 * screenful the sell screen opens on, in name order from the replica's [status, name] index, so it
 * shows as soon as the PIN is checked (a query of its own when the sell screen opened waited ~0.9 s
 * behind the catalog's slices in a big shop); each product's search text is made as it is read.
 */
export class SellCatalogStore extends ReplicaMemory<Product, CatalogIndex> {
  constructor(db: PosDatabase) {
    super({
      collection: db.products as unknown as RxCollection,
      holds: (product) => product.status === "active",
      prepare: haystack,
      index: (products) => indexCatalog(products.sort(byName)),
      firstScreen: async () =>
        (await db.products.find({ selector: { status: "active" }, sort: BY_NAME, limit: FIRST_SCREEN }).exec()).map(
          (d) => d.toJSON() as Product,
        ),
      readSoon: true,
      name: "catalog",
    });
  }
}

/** The catalog store of `db`, reading from the first call on. */
export const sellCatalogStore = (db: PosDatabase) => memoryOf(db, SellCatalogStore);

/** The catalog of `db` as it stands, re-rendering when it changes. */
export const useCatalogState = (db: PosDatabase): CatalogState => useMemory(db, SellCatalogStore);
