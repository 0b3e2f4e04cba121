import {
  createReplicaDatabase,
  POS_COLLECTIONS,
  POS_PUSH_COLLECTIONS,
  startReplication,
  type ReplicaDatabase,
  type ReplicaSync,
} from "@countertop/replica";
import type { CollectionName } from "@countertop/sync-protocol";
import { getRxStorageDexie } from "rxdb/plugins/storage-dexie";
import type { Till } from "../app/till";
import { keepNeedsAttention } from "../attention/needs-attention";
import { trackCatalogVersion } from "./catalog-version";
import { localDatabase } from "./local-db";

/** The till's full local replica: every collection, in IndexedDB through Dexie. */
export type PosDatabase = ReplicaDatabase<CollectionName>;

/** The replica and its running sync. */
export interface Replica {
  readonly db: PosDatabase;
  readonly sync: ReplicaSync<CollectionName>;
}

let opening: Promise<Replica> | undefined;

/**
 * Opens this till's replica (one IndexedDB database per shop, so checkpoints belong to it) and
 * starts replicating it. RxDB elects one leader among the tabs of the POS: only that tab talks to
 * the server, the others see the same data through IndexedDB, so a second tab never double-pushes.
 *
 * The till pushes only what its device token may write (`POS_PUSH_COLLECTIONS`); the rest is
 * pull-only, and a manager's writes go through the manager outbox. Rows the server refuses or
 * can't take are kept in the till's local "needs attention" store first.
 */
export function openReplica(till: Till): Promise<Replica> {
  opening ??= (async () => {
    const db = await createReplicaDatabase({
      name: `countertop-pos-${till.tenantId}`,
      storage: getRxStorageDexie(),
      collections: POS_COLLECTIONS,
      multiInstance: true,
      closeDuplicates: true,
    });
    const local = localDatabase(till.tenantId);
    const sync = startReplication({
      database: db,
      baseUrl: "",
      token: () => till.token,
      push: POS_PUSH_COLLECTIONS,
      retryTime: 3_000,
      pollInterval: 20_000,
      onNeedsAttention: (rows) => keepNeedsAttention(local, rows),
    });
    trackCatalogVersion(sync);
    return { db, sync };
  })();
  return opening;
}
