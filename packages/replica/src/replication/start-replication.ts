import { MAX_PULL_LIMIT, MAX_PUSH_ROWS, RESYNC } from "@countertop/sync-protocol/client";
import type { Checkpoint, CollectionDocument, CollectionName, ReplicatedDocument, StreamEvent } from "@countertop/sync-protocol";
import { getLastCheckpointDoc, type RxCollection } from "rxdb";
import { type RxReplicationState, replicateRxCollection } from "rxdb/plugins/replication";
import { type Observable, Subject, combineLatest, distinctUntilChanged, filter, firstValueFrom, interval, map } from "rxjs";
import type { ReplicaDatabase } from "../database/create-replica-database.ts";
import { SERVER_ONLY_COLLECTIONS } from "../database/profiles.ts";
import { type BackoffOptions, ConnectionGate, gatedFetch } from "./connection-gate.ts";
import {
  createPagePull,
  createPullHandler,
  createPushHandler,
  type HandlerContext,
  type NeedsAttentionHandler,
  type PagePull,
} from "./handlers.ts";
import { type Fetch } from "./http.ts";
import { multiplexedStream } from "./multi-stream.ts";
import type { LiveSource } from "./shared-stream.ts";
import { countPending } from "./pending.ts";
import { type BulkPage, startInTurn } from "./start-in-turn.ts";
import { type PushOutcome, pushRows } from "./push-rows.ts";
import { type ReplicaErrorEvent, type ReplicaErrorSource, toReplicaErrorEvent } from "./replica-error.ts";
import { TillStatusReport } from "./till-status-report.ts";
import { trackStatus } from "./track-status.ts";

/** Options of {@link startReplication}. */
export interface StartReplicationOptions<N extends CollectionName> {
  readonly database: ReplicaDatabase<N>;
  /** The sync server's origin (`"http://127.0.0.1:8787"`), optionally with a path prefix; `""` = same origin. */
  readonly baseUrl: string;
  /** The current bearer token, read before every request; `undefined` fails the request as a 401. */
  readonly token: () => string | undefined;
  /** Which of the database's collections to replicate; default all of them. */
  readonly collections?: readonly N[];
  /**
   * Which of them to push; the others are pull-only. Default: all but the server-only `stock_levels`
   * (what the server decides row by row). A till passes `POS_PUSH_COLLECTIONS` (what its device token
   * may write), the storefront `STOREFRONT_PUSH_COLLECTIONS`.
   */
  readonly push?: readonly N[];
  /**
   * Which of them are live, all on one Server-Sent Events connection (`/sync/v1/stream?collections=…`:
   * a browser has 6 connections per origin, so never one per collection); the others are polled every
   * `pollInterval`. Default: all of them.
   */
  readonly streams?: readonly N[];
  /**
   * Where the live events come from instead of a stream of this replication's own: a
   * {@link SharedStream} that several replicas of one tab follow (one connection per tab).
   */
  readonly live$?: LiveSource;
  /**
   * Collections whose local deletions stay on this device: a till drops synced sales older than its
   * window (DESIGN: 90 days) while the server keeps them. Such a deletion is never pushed.
   */
  readonly localDeletes?: readonly N[];
  /**
   * Report this device's status on every sync call (DESIGN: per-till status): the last sync that went
   * through, what waits per pushed collection, and `appVersion`. A till passes it; a shop doesn't.
   */
  readonly statusReport?: { readonly appVersion: string };
  /** Milliseconds between polls of the collections without a stream; default 30 s. */
  readonly pollInterval?: number;
  /** Default `globalThis.fetch`. */
  readonly fetch?: Fetch;
  /** Keep replicating (stream, polls) after the first sync; default true. When false, each replication syncs once and stops. */
  readonly live?: boolean;
  /** Documents per pull and per push; default 100, at most 500. */
  readonly batchSize?: number;
  /**
   * Documents per pull when it differs from `batchSize`, at most the server's `MAX_PULL_LIMIT`: a
   * till's first sync of a big shop takes fewer, larger pages (fewer requests, fewer RxDB writes).
   */
  readonly pullBatchSize?: number;
  /** Milliseconds before RxDB retries a failed pull or push; default 5 s. */
  readonly retryTime?: number;
  /**
   * How long requests wait after the server could not be reached: every pull, push and stream of
   * the replication shares one {@link ConnectionGate} (exponential, jittered, capped; nothing is
   * sent while the browser is offline, and everything resumes when it is online again).
   */
  readonly backoff?: BackoffOptions;
  /** With a multi-tab database, replicate only in the leader tab; default true. */
  readonly waitForLeadership?: boolean;
  /**
   * The replication starts once this resolves (at once without it): a till that has synced before
   * starts it after its sell screen is up, not while a cold start shows its lock screen and catalog.
   */
  readonly startAfter?: PromiseLike<unknown>;
  /**
   * Keeps the pushed rows the server refused or could not take (`NeedsAttentionRow`),
   * awaited before RxDB takes the server's version; a failure here fails the push, which RxDB retries.
   * Without it such rows still converge on the server's version, and their local copy is lost.
   */
  readonly onNeedsAttention?: NeedsAttentionHandler;
  /** Sees every error as it happens; the same events as `error$`. */
  readonly onError?: (event: ReplicaErrorEvent) => void;
}

/** A running replication of a replica database; see {@link startReplication}. */
export interface ReplicaSync<N extends CollectionName> {
  /** RxDB's replication state of each collection (`received$`, `sent$`, `conflict$`, …). */
  readonly states: { readonly [K in N]: RxReplicationState<CollectionDocument<K>, Checkpoint> };
  /** Every error of every collection; completes on `cancel()`. */
  readonly error$: Observable<ReplicaErrorEvent>;
  /**
   * The pages of a first sync in bulk as they are stored (RxDB's `received$` does not see them): a
   * replica that has never synced takes its first pull that way; see {@link firstSyncInBulk}.
   */
  readonly bulkReceived$: Observable<BulkPage<N>>;
  /** True while any collection is pulling or pushing. */
  readonly active$: Observable<boolean>;
  /**
   * Resolves when every collection has pulled once, and each pushed one has pushed once. Never
   * resolves while offline or in a non-leader tab.
   */
  awaitInitialSync(): Promise<void>;
  /** Resolves when every collection is in sync right now (nothing pending in either direction). */
  awaitInSync(): Promise<void>;
  /**
   * The `seq` of the last page pulled for a collection, as RxDB keeps it (it survives a reload, and
   * works offline); `undefined` before the first pull, or in a tab that does not replicate (not the
   * leader). A sale records its catalog's so the server re-prices it against what the till had.
   */
  checkpointOf(collection: N): Promise<string | undefined>;
  /** Pulls every collection from its checkpoint now (e.g. after sign-in or coming back online). */
  reSync(): void;
  /**
   * The server answers again, as the caller found out (the browser fires no event when a line comes
   * back with its Wi-Fi up): what waits behind the backoff goes now, and every collection catches up.
   * Nothing to do when no request has failed since the last answer (the browser's `online` event
   * already opened the gate and pulled every collection).
   */
  reconnect(): void;
  /**
   * Pushes documents now, outside RxDB's queue, through the same handler (detailed answer, bad rows
   * split out and handed to `onNeedsAttention`): for re-sending a document a person fixed. Throws
   * when the server can't be reached; the outcome says what it did with each row.
   */
  resend(collection: N, documents: readonly ReplicatedDocument[]): Promise<PushOutcome>;
  /** Local changes the server hasn't confirmed yet, in one collection or in all. */
  countPending(collection?: N): Promise<number>;
  /** Stops every replication and stream; the database stays open. */
  cancel(): Promise<void>;
}

/**
 * Replicates the collections of a replica database with the sync server (contract `/sync/v1`):
 * RxDB's `replicateRxCollection` per collection, pulling and pushing over HTTP, live updates over
 * SSE. Conflicts are resolved by RxDB's default handler, which adopts the server's document: the
 * server has already merged the push, so its answer is the merged document.
 * @example
 * const sync = startReplication({ database, baseUrl: "http://127.0.0.1:8787", token: () => token });
 * await sync.awaitInitialSync();
 * await sync.cancel();
 */
export function startReplication<N extends CollectionName>(options: StartReplicationOptions<N>): ReplicaSync<N> {
  const names = options.collections ?? (Object.keys(options.database.collections) as N[]);
  // By default everything the server lets a client write; a till passes POS_PUSH_COLLECTIONS, a storefront its own list.
  const pushed = new Set<CollectionName>(options.push ?? names.filter((name) => !SERVER_ONLY.includes(name)));
  const streamed = (options.streams ?? names).filter((name) => names.includes(name));
  const localDeletes = new Set<CollectionName>(options.localDeletes ?? []);
  const batchSize = options.batchSize ?? 100;
  const pullBatchSize = options.pullBatchSize ?? batchSize;
  checkOptions(options.database.collections, names, options.push ?? [], batchSize, pullBatchSize);

  const errors = new Subject<ReplicaErrorEvent>();
  const report = (collection: CollectionName, source: ReplicaErrorSource, error: unknown): void => {
    const event = toReplicaErrorEvent(collection, source, error);
    options.onError?.(event);
    errors.next(event);
  };
  const status = options.statusReport ? new TillStatusReport(options.statusReport.appVersion) : undefined;
  const gate = new ConnectionGate(options.backoff);
  // unbound window.fetch throws "Illegal invocation"
  const bare = options.fetch ?? globalThis.fetch.bind(globalThis);
  const fetch = gatedFetch(status ? status.wrap(bare) : bare, gate);
  const live = options.live ?? true;

  const contextOf = (name: CollectionName): HandlerContext => ({
    baseUrl: options.baseUrl,
    collection: name,
    request: { fetch, token: options.token },
  });

  const live$ =
    options.live$ ??
    (live && streamed.length > 0
      ? multiplexedStream({
          baseUrl: options.baseUrl,
          collections: streamed,
          request: { fetch, token: options.token },
          onError: (error) => report(streamed[0]!, "stream", error),
        })
      : undefined);
  const pollEvery = options.pollInterval ?? 30_000;
  // One pull per collection: RxDB's replication asks it for whole pages; a first sync in bulk asks
  // for each next page as soon as the last one's headers are in.
  const pulls = Object.fromEntries(
    names.map((name) => [name, createPagePull(contextOf(name), (error) => report(name, "pull", error))]),
  ) as Record<N, PagePull>;

  const states = Object.fromEntries(
    names.map((name) => {
      const context = contextOf(name);
      // One code path for every collection: the sync layer only needs `id` and `_deleted`.
      const collection = options.database.collections[name] as unknown as RxCollection<ReplicatedDocument>;
      const state = replicateRxCollection<ReplicatedDocument, Checkpoint>({
        replicationIdentifier: `countertop-sync-v1|${name}|${options.baseUrl}`,
        collection,
        live,
        retryTime: options.retryTime ?? 5_000,
        waitForLeadership: options.waitForLeadership ?? true,
        // Started below, once a first sync in bulk is done (see startInTurn).
        autoStart: false,
        toggleOnDocumentVisible: false,
        pull: {
          handler: createPullHandler(pulls[name]),
          batchSize: pullBatchSize,
          stream$: live
            ? live$ && streamed.includes(name)
              ? live$.of(name)
              : interval(pollEvery).pipe(map((): StreamEvent => RESYNC))
            : undefined,
        },
        push: pushed.has(name)
          ? {
              handler: reporting(createPushHandler(context, options.onNeedsAttention), (error) => report(name, "push", error)),
              batchSize,
              // A local-only deletion (a sale leaving the till's window) is dropped here, never sent.
              ...(localDeletes.has(name) ? { modifier: (doc: ReplicatedDocument) => (doc._deleted ? null : doc) } : {}),
            }
          : undefined,
      });
      // Handler errors were reported above with their cause; RxDB re-emits them wrapped as RC_PULL / RC_PUSH.
      state.error$.subscribe((error) => {
        if (error.code !== "RC_PULL" && error.code !== "RC_PUSH") report(name, "rxdb", error);
      });
      return [name, state];
    }),
  ) as Record<N, RxReplicationState<ReplicatedDocument, Checkpoint>>;
  const bulkReceived = new Subject<BulkPage<N>>();
  let cancelled = false;
  const starting = startInTurn({
    database: options.database,
    states,
    batchSize: pullBatchSize,
    waitForLeadership: options.waitForLeadership ?? true,
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    cancelled: () => cancelled,
    pagePull: (name) => pulls[name],
    onPage: (page) => bulkReceived.next(page),
    onError: (collection, error) => report(collection, "rxdb", error),
  });

  const all = (): RxReplicationState<ReplicatedDocument, Checkpoint>[] => Object.values(states);
  const active$ = combineLatest(all().map((state) => state.active$)).pipe(
    map((flags) => flags.some(Boolean)),
    distinctUntilChanged(),
  );
  const reporting$ = status ? trackStatus(status, states, [...pushed] as N[], active$, errors) : undefined;
  // Back online: what waited behind the gate goes now, and every collection catches up at once.
  const target = globalThis as unknown as Partial<EventTarget>;
  const onOnline = (): void => all().forEach((state) => state.reSync());
  target.addEventListener?.("online", onOnline);
  return {
    states: states as unknown as ReplicaSync<N>["states"],
    error$: errors.asObservable(),
    active$,
    bulkReceived$: bulkReceived.asObservable(),
    awaitInitialSync: async () => void (await Promise.all(all().map(initiallySynced))),
    awaitInSync: async () => void (await Promise.all(all().map((state) => state.awaitInSync()))),
    checkpointOf: async (collection) => {
      const internal = (states[collection] as RxReplicationState<ReplicatedDocument, Checkpoint>).internalReplicationState;
      if (!internal) return undefined;
      const checkpoint = await getLastCheckpointDoc<ReplicatedDocument, Checkpoint>(internal, "down");
      return checkpoint?.seq;
    },
    reSync: () => all().forEach((state) => state.reSync()),
    reconnect: () => {
      if (gate.consecutiveFailures === 0) return;
      gate.reset();
      all().forEach((state) => state.reSync());
    },
    resend: async (collection, documents) => {
      const context = contextOf(collection);
      const outcome = await pushRows(
        context.request,
        context.baseUrl,
        collection,
        documents.map((doc) => ({ newDocumentState: doc })),
      );
      const setAside = [...outcome.refused, ...outcome.invalid];
      if (setAside.length > 0) await options.onNeedsAttention?.(setAside);
      return outcome;
    },
    countPending: async (collection) => {
      const counted = collection === undefined ? all() : [states[collection]];
      const counts = await Promise.all(counted.map((state) => countPending(state)));
      return counts.reduce((sum, count) => sum + count, 0);
    },
    cancel: async () => {
      cancelled = true;
      reporting$?.unsubscribe();
      target.removeEventListener?.("online", onOnline);
      gate.close();
      await Promise.all(all().map((state) => state.cancel()));
      await starting;
      errors.complete();
      bulkReceived.complete();
    },
  };
}

/**
 * Resolves once a replication has pulled once and, if it pushes, pushed once. RxDB's
 * `awaitInitialReplication` also waits, for a collection that never pushes, for its upstream's first
 * walk over every local document (in batches of 100, each with a read of RxDB's bookkeeping), which
 * finds nothing to send. After a first sync in bulk that walk begins after the pulled documents
 * (startInTurn); on a later start, after the last document it walked before. It is not awaited.
 */
async function initiallySynced(state: RxReplicationState<ReplicatedDocument, Checkpoint>): Promise<void> {
  if (state.push) return state.awaitInitialReplication();
  await state.startPromise;
  const internal = state.internalReplicationState;
  if (!internal) throw new Error(`the replication of ${state.collection.name} started without its state`);
  await firstValueFrom(internal.firstSyncDone.down.pipe(filter(Boolean)));
}

/** Wraps a handler so that its errors are reported with their cause before RxDB retries. */
function reporting<A extends unknown[], R>(handler: (...args: A) => Promise<R>, onError: (error: unknown) => void) {
  return async (...args: A): Promise<R> => {
    try {
      return await handler(...args);
    } catch (error) {
      onError(error);
      throw error;
    }
  };
}

const SERVER_ONLY: readonly CollectionName[] = SERVER_ONLY_COLLECTIONS;

/** Fails fast on options that would only fail later, request by request. */
function checkOptions(
  opened: object,
  names: readonly CollectionName[],
  push: readonly CollectionName[],
  batchSize: number,
  pullBatchSize: number,
): void {
  if (names.length === 0) throw new TypeError("replicate at least one collection");
  const missing = names.filter((name) => !(name in opened));
  if (missing.length > 0) throw new TypeError(`the database has no collection ${missing.join(", ")}`);
  const refused = push.filter((name) => SERVER_ONLY.includes(name));
  if (refused.length > 0) throw new TypeError(`${refused.join(", ")} is written by the server only and can't be pushed`);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_PUSH_ROWS) {
    throw new RangeError(`batchSize must be an integer from 1 to ${MAX_PUSH_ROWS}`);
  }
  if (!Number.isInteger(pullBatchSize) || pullBatchSize < 1 || pullBatchSize > MAX_PULL_LIMIT) {
    throw new RangeError(`pullBatchSize must be an integer from 1 to ${MAX_PULL_LIMIT}`);
  }
}
