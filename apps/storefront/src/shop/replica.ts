import { createReplicaDatabase, startReplication, type ReplicaDatabase, type ReplicaSync } from "@countertop/replica";
import { SHOPPER_PUBLIC_COLLECTIONS } from "@countertop/sync-protocol/client";
import { getRxStorageDexie } from "rxdb/plugins/storage-dexie";
import { tabStream } from "./live-stream";
import type { ShopSession } from "./session";

/** What a shopper's browser keeps of the shop: the public catalog, availability, settings and promotions. */
export type ShopDatabase = ReplicaDatabase<(typeof SHOPPER_PUBLIC_COLLECTIONS)[number]>;

let opening: Promise<ShopDatabase> | undefined;
let running: ReplicaSync<(typeof SHOPPER_PUBLIC_COLLECTIONS)[number]> | undefined;

/** The shop's running replication, once {@link openShop} started it (the app watches it for a suspended shop). */
export function shopSync() {
  return running;
}

/** Opens the shop's replica (one per shop) and keeps it in sync; it browses offline after one visit. */
export function openShop(slug: string, session: ShopSession): Promise<ShopDatabase> {
  opening ??= (async () => {
    const db = await createReplicaDatabase({
      name: `countertop-shop-${slug}`,
      storage: getRxStorageDexie(),
      collections: SHOPPER_PUBLIC_COLLECTIONS,
      multiInstance: true,
      closeDuplicates: true,
    });
    tabStream.follow(SHOPPER_PUBLIC_COLLECTIONS, () => session.token);
    running = startReplication({
      database: db,
      baseUrl: "",
      token: () => session.token,
      push: [],
      live$: tabStream,
      pollInterval: 60_000,
    });
    return db;
  })();
  return opening;
}
