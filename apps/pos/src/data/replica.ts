import {
  createReplicaDatabase,
  listPending,
  POS_COLLECTIONS,
  POS_PUSH_COLLECTIONS,
  startReplication,
  type ReplicaDatabase,
  type ReplicaSync,
} from "@countertop/replica";
import { MAX_PULL_LIMIT, type CollectionName } from "@countertop/sync-protocol";
import { getRxStorageDexie } from "rxdb/plugins/storage-dexie";
import type { Till } from "../app/till";
import { keepNeedsAttention } from "../attention/needs-attention";
import { trackCatalogVersion } from "./catalog-version";
import { afterStartup, backgroundTurn } from "./background";
import { firstSyncDone } from "../setup/first-sync-progress";
import { withFastChangeFeed } from "./changed-since";
import { APP_VERSION } from "../app/version";
import { localDatabase } from "./local-db";
import { loadManagerSession } from "../manager/session";
import { dropOutsideWindow } from "./sales-window";

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
 * can't take are kept in the till's local "needs attention" store first. On a manager's computer that
 * is not a till (`till.desk`) the replica pulls with the manager's session and pushes nothing.
 */
export function openReplica(till: Till): Promise<Replica> {
  opening ??= (async () => {
    const db = await createReplicaDatabase({
      name: `countertop-pos-${till.tenantId}`,
      // A sale is on disk before its receipt shows: each write is flushed before IndexedDB says it
      // is done (Chromium's default, "relaxed", says so once the operating system has it, which a
      // power cut can still lose). A first sync writes past this (its pages are the server's).
      storage: withFastChangeFeed(getRxStorageDexie({ chromeTransactionDurability: "strict" })),
      collections: POS_COLLECTIONS,
      multiInstance: true,
      closeDuplicates: true,
    });
    // Where a till's start goes (the POS bench prints these marks).
    performance.mark("till:replica-open");
    const local = localDatabase(till.tenantId);
    const sync = startReplication({
      database: db,
      baseUrl: "",
      // A manager's computer that is not a till reads with the session and pushes nothing itself.
      token: till.desk ? () => loadManagerSession(till)?.token ?? "" : () => till.token,
      push: till.desk ? [] : POS_PUSH_COLLECTIONS,
      // Every collection live on one connection; synced sales and stock movements older than the window leave this till only.
      localDeletes: ["sales", "stock_movements"],
      // A till reports its status in its sync headers (its manager and the platform owner see it); a manager's computer is not a till.
      ...(till.desk ? {} : { statusReport: { appVersion: APP_VERSION } }),
      retryTime: 3_000,
      // A big shop's first sync in pages of the server's largest, not a hundred documents a request.
      pullBatchSize: MAX_PULL_LIMIT,
      pollInterval: 20_000,
      // A till that has synced before replicates once it has started; a first sync goes at once.
      ...(firstSyncDone(till.tenantId) ? { startAfter: afterStartup() } : {}),
      onNeedsAttention: (rows) => keepNeedsAttention(local, rows),
    });
    trackCatalogVersion(sync);
    keepWindow(db, sync);
    return { db, sync };
  })();
  return opening;
}

/**
 * Keeps the replica to the window (sales, stock movements): in the tab that replicates, a while after
 * start-up (not to compete with the first screens) and every six hours.
 */
function keepWindow(db: PosDatabase, sync: ReplicaSync<CollectionName>): void {
  const drop = async () => {
    const waiting = new Set(((await listPending(sync.states.sales, { betweenPages: backgroundTurn })) as { id: string }[]).map((s) => s.id));
    await dropOutsideWindow(db, "sales", waiting);
    // A till pushes no stock movements: every one in its replica came from the server.
    await dropOutsideWindow(db, "stock_movements", new Set());
  };
  void db.waitForLeadership().then(() => {
    setTimeout(() => void drop().catch(() => undefined), 60_000);
    setInterval(() => void drop().catch(() => undefined), 6 * 3_600_000);
  });
}
