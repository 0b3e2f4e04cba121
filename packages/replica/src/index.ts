/**
 * `@countertop/replica`: the client side of sync, shared by the POS and the storefront. An RxDB
 * database per app ({@link createReplicaDatabase}) and its replication against `/sync/v1`
 * ({@link startReplication}).
 *
 * @example
 * const database = await createReplicaDatabase({ name: "countertop-pos", storage: getRxStorageDexie(), collections: POS_COLLECTIONS });
 * const sync = startReplication({ database, baseUrl: location.origin, token: () => session.token });
 * sync.error$.subscribe((event) => { if (event.fatal) showSignIn(); });
 *
 * Rows the server refuses or can't take are handed to `onNeedsAttention` before RxDB adopts the
 * server's version ({@link pushRows} splits a batch answered 400 down to its bad rows).
 */
export { RXDB_COLLECTION_LIMIT, createReplicaDatabase } from "./database/create-replica-database.ts";
export type { CreateReplicaDatabaseOptions, ReplicaCollections, ReplicaDatabase } from "./database/create-replica-database.ts";
export {
  POS_COLLECTIONS,
  POS_PUSH_COLLECTIONS,
  SERVER_ONLY_COLLECTIONS,
  STOREFRONT_COLLECTIONS,
  STOREFRONT_PUSH_COLLECTIONS,
} from "./database/profiles.ts";
export { fromDexieRow } from "./database/dexie-rows.ts";
export { rxSchemas } from "./schemas/rx-schemas.ts";
export { UNDECLARED_FIELD_PATTERN } from "./schemas/document-schema.ts";
export type { ReplicaJsonSchema } from "./schemas/document-schema.ts";
export { startReplication } from "./replication/start-replication.ts";
export { STORAGE_WRITE_DOCUMENTS } from "./replication/first-sync.ts";
export type { ReplicaSync, StartReplicationOptions } from "./replication/start-replication.ts";
export type { ReplicaErrorEvent, ReplicaErrorSource } from "./replication/replica-error.ts";
export { FATAL_STATUSES, SyncHttpError } from "./replication/sync-http-error.ts";
export type { SyncHttpErrorInit } from "./replication/sync-http-error.ts";
export { syncHeaders, syncUrl } from "./replication/http.ts";
export { ConnectionGate, gatedFetch } from "./replication/connection-gate.ts";
export type { BackoffOptions } from "./replication/connection-gate.ts";
export type { Fetch, SyncAction } from "./replication/http.ts";
export { countPending, listPending, type ListPendingOptions } from "./replication/pending.ts";
export { pushRows } from "./replication/push-rows.ts";
export type { NeedsAttentionRow, PushOutcome } from "./replication/push-rows.ts";
export { createPagePull, pagesAhead } from "./replication/handlers.ts";
export type { NeedsAttentionHandler, PagePull, PullAnswer, PulledPage } from "./replication/handlers.ts";
export { SseParser } from "./replication/sse-parser.ts";
export type { SseMessage } from "./replication/sse-parser.ts";
export { StreamIdleError, sseEvents, syncStream } from "./replication/sync-stream.ts";
export type { SseEventsOptions, SyncStreamOptions } from "./replication/sync-stream.ts";
export { multiplexedStream, multiplexedStreamUrl } from "./replication/multi-stream.ts";
export type { MultiplexedStreamOptions } from "./replication/multi-stream.ts";
export { TillStatusReport } from "./replication/till-status-report.ts";
export { SharedStream } from "./replication/shared-stream.ts";
export type { LiveSource } from "./replication/shared-stream.ts";
