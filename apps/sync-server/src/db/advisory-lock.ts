import { sql, type Kysely } from "kysely";
import type { Database } from "./schema";

/** Advisory lock keys of the server; one per job that must run in one process at a time. */
export const LOCKS = {
  /** Seeding the demo shop: processes starting at once on an empty database would each see it empty. */
  seedDemo: 7_401_118_001n,
} as const;

/**
 * Runs `fn` holding the session-level advisory lock `key` on one connection, which `fn` receives:
 * every other process asking for the same key waits until `fn` is done. The Kysely migrator does
 * the same around migrations. On PGlite (one process, one connection) it costs nothing and changes
 * nothing.
 */
export function withAdvisoryLock<T>(db: Kysely<Database>, key: bigint, fn: (conn: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${key.toString()}::bigint)`.execute(conn);
    try {
      return await fn(conn);
    } finally {
      await sql`select pg_advisory_unlock(${key.toString()}::bigint)`.execute(conn);
    }
  });
}
