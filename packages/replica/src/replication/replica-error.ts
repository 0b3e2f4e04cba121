import type { CollectionName } from "@countertop/sync-protocol";
import { SyncHttpError } from "./sync-http-error.ts";

/** Where a replication error happened: a handler call, the live stream, or inside RxDB (e.g. a local write). */
export type ReplicaErrorSource = "pull" | "push" | "stream" | "rxdb";

/**
 * An error of a running replication. Pulls and pushes are retried by RxDB after `retryTime` and
 * the stream reconnects by itself, so most errors only say "offline for now"; a `fatal` one says
 * that retrying won't help until the user signs in again (401), the tenant or the token's scope
 * changes (403, e.g. `tenant_suspended`) or the app is updated (426).
 */
export interface ReplicaErrorEvent {
  readonly collection: CollectionName;
  readonly source: ReplicaErrorSource;
  readonly error: Error;
  readonly fatal: boolean;
  /** The HTTP status when the server answered. */
  readonly status?: number | undefined;
  /** The server's `error.code` (or RxDB's error code for `source: "rxdb"`). */
  readonly code?: string | undefined;
}

/** Describes `error` as a {@link ReplicaErrorEvent}. */
export function toReplicaErrorEvent(collection: CollectionName, source: ReplicaErrorSource, error: unknown): ReplicaErrorEvent {
  const cause = error instanceof Error ? error : new Error(String(error));
  if (cause instanceof SyncHttpError) {
    return { collection, source, error: cause, fatal: cause.fatal, status: cause.status, code: cause.code };
  }
  const code = "code" in cause && typeof cause.code === "string" ? cause.code : undefined;
  return { collection, source, error: cause, fatal: false, code };
}
