import { sql } from "kysely";
import pg from "pg";
import type { OpenDatabase } from "../db/database";
import { AT_COMMIT } from "../db/round-trips";
import type { TenantTx } from "../db/tenant-scope";

/** The Postgres channel every server process listens on. */
export const CHANGES_CHANNEL = "countertop_changes";

/** A commit that wrote `collections` of `tenantId`, up to `seq`; `"*"` means "catch up on everything". */
export interface Change {
  readonly tenantId: string;
  readonly collections: readonly string[] | "*";
}

type Listener = (change: Change) => void;

/**
 * Announced (as if a collection) when a shop itself changed — its status or its domain — so every
 * process drops what it remembers of shops. No stream replicates it.
 */
export const TENANT_CHANGED = "tenant";
/** Subscribe with this in place of a tenant id to hear every shop's changes. */
export const ALL_TENANTS = "*";

/**
 * Fans commit notifications out to the live streams of this process. Writers call `announce`
 * inside their transaction (Postgres delivers NOTIFY only on commit, to every listening process, so
 * several servers behind a load balancer all hear it); streams `subscribe` per tenant.
 */
export interface ChangeFeed {
  announce(trx: TenantTx, tenantId: string, collections: readonly string[]): Promise<void>;
  /** Hears the changes of `tenantId` (or of every shop: {@link ALL_TENANTS}); returns unsubscribe. */
  subscribe(tenantId: string, listener: Listener): () => void;
  close(): Promise<void>;
}

/** Payload: "tenantId collection,collection". Tenant ids are uuids, collection names plain words. */
function decode(payload: string): Change | undefined {
  const [tenantId, list] = payload.split(" ");
  if (!tenantId || !list) return undefined;
  return { tenantId, collections: list.split(",") };
}

/**
 * Tells every process listening on the database, when `trx` commits, that it wrote `collections` of
 * `tenantId` (what `ChangeFeed.announce` does; repositories without the feed at hand call it directly).
 */
export async function notifyChange(trx: TenantTx, tenantId: string, collections: readonly string[]): Promise<void> {
  if (collections.length === 0) return;
  const payload = `${tenantId} ${[...new Set(collections)].join(",")}`;
  // Delivered on commit anyway: it travels in the COMMIT's message (db/round-trips.ts), not one of its own.
  await sql.raw(`${AT_COMMIT}select pg_notify('${CHANGES_CHANNEL}', ${pg.escapeLiteral(payload)})`).execute(trx);
}

/** A change feed over the database's LISTEN/NOTIFY. */
export async function openChangeFeed(database: Pick<OpenDatabase, "listen">): Promise<ChangeFeed> {
  const listeners = new Map<string, Set<Listener>>();
  const dispatch = (change: Change) => {
    for (const listener of listeners.get(change.tenantId) ?? []) listener(change);
    for (const listener of listeners.get(ALL_TENANTS) ?? []) listener(change);
  };
  // Notifications sent while the connection was away are lost: everyone catches up on everything.
  const catchUpAll = () => {
    for (const tenantId of listeners.keys()) {
      for (const listener of listeners.get(tenantId) ?? []) listener({ tenantId, collections: "*" });
    }
  };
  const unlisten = await database.listen(
    CHANGES_CHANNEL,
    (payload) => {
      const change = decode(payload);
      if (change) dispatch(change);
    },
    catchUpAll,
  );
  return {
    announce: notifyChange,
    subscribe(tenantId, listener) {
      let set = listeners.get(tenantId);
      if (!set) listeners.set(tenantId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(tenantId);
      };
    },
    close: () => unlisten(),
  };
}
