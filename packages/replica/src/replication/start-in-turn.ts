import type { Checkpoint, CollectionName, ReplicatedDocument } from "@countertop/sync-protocol";
import {
  createRevision,
  getComposedPrimaryKeyOfDocumentData,
  now,
  overwritable,
  type RxDatabase,
  type RxDocumentData,
  type RxStorageReplicationMeta,
} from "rxdb";
import type { RxReplicationState } from "rxdb/plugins/replication";
import { firstSyncInBulk, isFreshReplica, type StorageCheckpoint } from "./first-sync.ts";
import type { PagePull } from "./handlers.ts";

/** A page of a first sync in bulk, as stored. */
export interface BulkPage<N extends CollectionName> {
  readonly collection: N;
  readonly documents: number;
  /** The collection's last page: its first sync in bulk is over (its RxDB replication starts now). */
  readonly done?: true;
  /**
   * How many documents the collection's first sync brings, as the server counted them when it read
   * its first page (more may come meanwhile); with `documents` 0. Told for every collection in bulk
   * at once, when each has its count (or is done), so that a sum of them is never of some only.
   */
  readonly expected?: number;
}

/**
 * The pushed collections whose conflict rule on the server never reads a push's
 * `assumedMasterState` (`@countertop/domain` `resolvePush`: append-only, a document once written
 * never changes). A document of any other pushed collection that the till changes is sent with the
 * server's version it last saw, which RxDB keeps in its bookkeeping; those collections take their
 * first sync through RxDB's replication (they are the small ones: shifts, customers, orders).
 */
const IGNORE_ASSUMED_MASTER: ReadonlySet<CollectionName> = new Set(["sales", "stock_movements"]);

/** What {@link startInTurn} uses of the database: its leadership and whether it has other tabs. */
type StartingDatabase = Pick<RxDatabase, "multiInstance" | "waitForLeadership" | "isLeader">;

/** What {@link startInTurn} starts. */
export interface StartInTurnOptions<N extends CollectionName> {
  readonly database: StartingDatabase;
  /** Created with `autoStart: false` and `toggleOnDocumentVisible: false`; each pulls. */
  readonly states: Record<N, RxReplicationState<ReplicatedDocument, Checkpoint>>;
  readonly batchSize: number;
  readonly waitForLeadership: boolean;
  /** Nothing starts before this resolves (`StartReplicationOptions.startAfter`). */
  readonly startAfter?: PromiseLike<unknown>;
  readonly cancelled: () => boolean;
  /** How a first sync in bulk asks for its pages (the replication's own pull, headers first). */
  readonly pagePull: (collection: N) => PagePull;
  readonly onPage: (page: BulkPage<N>) => void;
  readonly onError: (collection: N, error: unknown) => void;
}

/**
 * Starts the replications as RxDB would (in the leader tab of a multi-tab database; paused in a
 * hidden tab that is not the leader, started again when it shows), with one difference: a replica
 * that has never synced takes its first sync in bulk first ({@link firstSyncInBulk}, collection by
 * collection: the pull-only ones and the append-only pushed ones), and each of those replications
 * starts from where its own stopped; the others start at once. Resolves once all are started (or
 * the replication was cancelled).
 */
export async function startInTurn<N extends CollectionName>(options: StartInTurnOptions<N>): Promise<void> {
  const { database, states } = options;
  const names = Object.keys(states) as N[];
  const started = new Set<N>();
  for (const name of names) toggleOnVisibility(database, states[name], () => started.has(name));
  const start = (name: N): void => {
    if (options.cancelled()) return;
    started.add(name);
    // errors of start() are emitted on the state's error$
    states[name].start().catch(() => undefined);
  };
  if (options.startAfter) await options.startAfter;
  if (options.waitForLeadership && database.multiInstance) await database.waitForLeadership();
  if (options.cancelled()) return;
  const collections = names.map((name) => states[name].collection);
  if (!(await isFreshReplica(collections).catch(() => false))) return names.forEach(start);
  // Where a first sync goes (the POS bench prints the marks).
  globalThis.performance?.mark?.("replica:first-sync-in-bulk");
  const bulk = new Set(names.filter((name) => !states[name].push || IGNORE_ASSUMED_MASTER.has(name)));
  names.filter((name) => !bulk.has(name)).forEach(start);
  // What the server counted for each collection in bulk (undefined: it did not say), told once all are in.
  const counted = new Map<N, number | undefined>();
  const count = (name: N, expected: number | undefined): void => {
    if (counted.has(name)) return;
    counted.set(name, expected);
    if (counted.size < bulk.size) return;
    for (const [collection, documents] of counted)
      if (documents !== undefined) options.onPage({ collection, documents: 0, expected: documents });
  };
  // All at once: each is a store of its own, and the small ones are done (and replicating) while the big ones go on.
  await Promise.all(
    [...bulk].map(async (name) => {
      if (options.cancelled()) return;
      const state = states[name];
      const stored = await firstSyncInBulk({
        collection: state.collection,
        replicationIdentifier: state.replicationIdentifier,
        pull: options.pagePull(name),
        batchSize: options.batchSize,
        cancelled: options.cancelled,
        onPage: (documents) => options.onPage({ collection: name, documents }),
        onTotal: (expected) => count(name, expected),
      });
      count(name, undefined);
      options.onPage({ collection: name, documents: 0, done: true });
      if (stored.error !== undefined) options.onError(name, stored.error);
      // The options RxDB reads its initial checkpoints from when it starts (ours, made above).
      if (state.pull && stored.downstream) state.pull.initialCheckpoint = stored.downstream;
      if (state.push && stored.upstream) state.push.initialCheckpoint = stored.upstream;
      // Should it fail, the upstream walks the collection, as RxDB's replication would have.
      else if (stored.upstream) await upstreamBeginsAt(state, stored.upstream).catch(() => undefined);
      start(name);
    }),
  );
  globalThis.performance?.mark?.("replica:first-sync-stored");
}

/**
 * Where RxDB's upstream of a collection the till never pushes begins, written where RxDB keeps it
 * before its replication starts: what RxDB itself writes from a pushed collection's
 * `push.initialCheckpoint` (its `setCheckpoint`), an option it reads only from push options. Else
 * that upstream's first run, after a first sync, walks every document of the collection (batches of
 * 100, each read through the storage and compared with RxDB's bookkeeping) to find nothing to send,
 * while the first syncs of the other collections go on and before their first pull ends. RxDB's
 * layout of that checkpoint is not a documented API: the first sync tests check that the upstream
 * walked nothing (re-check on RxDB upgrades).
 */
async function upstreamBeginsAt(state: RxReplicationState<ReplicatedDocument, Checkpoint>, checkpoint: StorageCheckpoint): Promise<void> {
  const { collectionName, schema } = await state.metaInfoPromise;
  const database = state.collection.database;
  const meta = await database.storage.createStorageInstance<RxStorageReplicationMeta<ReplicatedDocument, StorageCheckpoint>>({
    databaseName: database.name,
    collectionName,
    databaseInstanceToken: database.token,
    multiInstance: database.multiInstance,
    options: {},
    schema,
    password: database.password,
    devMode: overwritable.isDevMode(),
  });
  try {
    const document = {
      id: "",
      isCheckpoint: "1",
      itemId: "up",
      checkpointData: checkpoint,
      _deleted: false,
      _attachments: {},
      _meta: { lwt: now() },
      _rev: createRevision(database.token),
    } as RxDocumentData<RxStorageReplicationMeta<ReplicatedDocument, StorageCheckpoint>>;
    document.id = getComposedPrimaryKeyOfDocumentData(schema, document);
    // A conflict means RxDB's replication has kept a checkpoint here before: it goes on from its own.
    await meta.bulkWrite([{ document }], "countertop-first-sync");
  } finally {
    await meta.close();
  }
}

interface VisibilityTarget {
  readonly visibilityState: string;
  addEventListener(type: "visibilitychange", listener: () => void): void;
  removeEventListener(type: "visibilitychange", listener: () => void): void;
}

/** RxDB's `toggleOnDocumentVisible`, once the replication has been started by {@link startInTurn}. */
function toggleOnVisibility(
  database: StartingDatabase,
  state: RxReplicationState<ReplicatedDocument, Checkpoint>,
  started: () => boolean,
): void {
  // Not every realm has a DOM (Node tests, workers): only what is used of `document`.
  const doc = (globalThis as { document?: VisibilityTarget }).document;
  if (typeof doc?.addEventListener !== "function" || typeof doc.visibilityState !== "string") return;
  const handler = (): void => {
    if (state.isStopped() || !started()) return;
    if (doc.visibilityState === "visible") state.start().catch(() => undefined);
    else if (!database.isLeader()) void state.pause();
  };
  doc.addEventListener("visibilitychange", handler);
  state.onCancel.push(() => doc.removeEventListener("visibilitychange", handler));
}
