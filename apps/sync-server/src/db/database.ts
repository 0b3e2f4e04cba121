import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect, sql } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import { copyOutOn, type CopyOut } from "./copy-out";
import { migrationProvider } from "./migrations/index";
import { roundTripSavingPool, type RoundTripCounter } from "./round-trips";
import type { Database } from "./schema";

// node-postgres hands bigint (int8) back as a string by default; keep it so, `seq` is a digit string.
// timestamptz stays a Date.

/** Which engine is behind the connection: reported by /health. */
export type DatabaseKind = "pglite" | "postgres";

/** An open database: Kysely over `pg`, or over embedded PGlite through its node-postgres adapter. */
export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /**
   * LISTENs on `channel` on a connection of its own; `onReconnect` runs after a lost connection
   * is back (notifications sent meanwhile are gone, so listeners must catch up). Returns unlisten.
   */
  listen(channel: string, onPayload: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  /** The connection pool right now: open connections, idle ones, queries waiting for one, and the most it opens. */
  poolStats(): PoolStats;
  /** How many messages the app's queries have sent to the database so far (benches and tests count a request's). */
  readonly roundTrips: RoundTripCounter;
  /** Runs statements ending in a binary COPY out, its output as bytes (a pull page's documents). */
  readonly copyOut: CopyOut;
  close(): Promise<void>;
}

/** What the console's health view shows of the connection pool. */
export interface PoolStats {
  readonly open: number;
  readonly idle: number;
  readonly waiting: number;
  readonly max: number;
}

function statsOf(pool: pg.Pool, max: number): PoolStats {
  return { open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max };
}

export interface DatabaseOptions {
  /** postgres:// URL; unset → PGlite in `dataDir`. */
  readonly url?: string | undefined;
  /** PGlite data directory; "memory://" keeps it in memory (tests). */
  readonly dataDir: string;
  readonly poolSize?: number;
}

/** Opens the configured database. Does not migrate: call `migrateToLatest`. */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection that dies (Postgres restarted, a DBA's pg_terminate_backend) is dropped by
    // the pool and replaced on the next query; unhandled, its 'error' event would crash the server.
    pool.on("error", () => undefined);
    // A connection that dies while checked out (inside a transaction, between two statements) has
    // no listener of the pool's: its 'error' event would crash the process. The statement in
    // flight fails by itself (→ 503), and the pool drops a client that is no longer queryable.
    pool.on("connect", (client) => client.on("error", () => undefined));
    const roundTrips: RoundTripCounter = { count: 0 };
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: roundTripSavingPool(pool, roundTrips) }) });
    const url = options.url;
    const max = options.poolSize ?? 10;
    return {
      db,
      kind: "postgres",
      listen: (channel, onPayload, onReconnect) => listenPg(url, channel, onPayload, onReconnect),
      poolStats: () => statsOf(pool, max),
      roundTrips,
      copyOut: copyOutOn(pool, roundTrips),
      close: () => db.destroy(),
    };
  }
  if (!options.dataDir.startsWith("memory://")) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir);
  // The adapter serialises everything through one PGlite connection: a pool of one.
  const pool = new pg.Pool(createPgConfig(pglite));
  const roundTrips: RoundTripCounter = { count: 0 };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: roundTripSavingPool(pool, roundTrips) }) });
  return {
    db,
    kind: "pglite",
    poolStats: () => statsOf(pool, 1),
    roundTrips,
    copyOut: copyOutOn(pool, roundTrips),
    listen: async (channel, onPayload) => {
      const unlisten = await pglite.listen(channel, onPayload);
      return unlisten;
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/** A LISTEN connection to PostgreSQL that reconnects (with backoff) until unlistened. */
async function listenPg(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onReconnect?: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let delay = 250;
  const connect = async (isRetry: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (msg) => {
      if (msg.channel === channel && msg.payload !== undefined) onPayload(msg.payload);
    });
    // A dying connection may say so with 'error', 'end' or both: reconnect once per connection.
    let lost = false;
    const reconnect = () => {
      if (stopped || lost) return;
      lost = true;
      void next.end().catch(() => undefined);
      setTimeout(() => void connect(true).catch(() => undefined), delay);
      delay = Math.min(delay * 2, 10_000);
    };
    next.on("error", reconnect);
    next.on("end", reconnect);
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      if (!isRetry) {
        lost = true; // the caller hears of it; no reconnecting behind its back
        void next.end().catch(() => undefined);
        throw err;
      }
      reconnect();
      return;
    }
    client = next;
    delay = 250;
    if (isRetry) onReconnect?.();
  };
  await connect(false);
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}

/** Runs every pending migration; throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`Migration failed${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}

/** Cheap liveness probe used by /health. */
export async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
