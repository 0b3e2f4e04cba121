import { CompiledQuery, sql, type Kysely, type Transaction } from "kysely";
import pg from "pg";
import { APP_ROLE, PLATFORM_ROLE } from "./migrations/2026_11_23_09_00_00_create_core";
import { WORKER_ROLE } from "./migrations/2026_11_29_15_00_00_outbox";
import type { CopyOut, CopyOutcome } from "./copy-out";
import { PREPARED, WITH_BEGIN } from "./round-trips";
import type { Database } from "./schema";

/** A transaction that row-level security confines to one tenant. */
export type TenantTx = Transaction<Database>;

/**
 * Runs `fn` in one transaction as the app role with `app.tenant_id` set, so row-level security
 * confines every statement to that tenant — whatever the query forgets to filter.
 * Both settings are transaction-local and vanish at commit or rollback.
 */
export function withTenant<T>(db: Kysely<Database>, tenantId: string, fn: (trx: TenantTx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    // Without parameters, so it travels in one message with the BEGIN (db/round-trips.ts).
    await sql.raw(tenantSettings(tenantId)).execute(trx);
    return fn(trx);
  });
}

/** A statement with its values as parameters `$1…`: its text does not vary with them, so it can be prepared. */
export interface ParameterizedStatement {
  readonly text: string;
  readonly values: readonly string[];
}

/**
 * {@link withTenant} whose first statement is `statement`, prepared (its text must not vary; its
 * values are parameters): it travels in the same message as the BEGIN and the tenant setting, so
 * the read costs no round trip of its own, and PostgreSQL plans it once per connection
 * (`PREPARED`, db/round-trips.ts); `fn` gets its rows.
 */
export function withTenantAfter<R, T>(
  db: Kysely<Database>,
  tenantId: string,
  statement: ParameterizedStatement,
  fn: (trx: TenantTx, rows: R[]) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql.raw(`${WITH_BEGIN}${tenantSettings(tenantId)}`).execute(trx);
    const { rows } = await trx.executeQuery<R>(CompiledQuery.raw(`${PREPARED}${statement.text}`, [...statement.values]));
    return fn(trx, rows);
  });
}

/** The statement that sets the app role and the tenant for the rest of the transaction, the tenant id inlined as a literal. */
function tenantSettings(tenantId: string): string {
  return `select set_config('role', '${APP_ROLE}', true), set_config('app.tenant_id', ${pg.escapeLiteral(tenantId)}, true)`;
}

/**
 * Runs one read-only statement as `tenantId` (row-level security as in {@link withTenant}) in a
 * single round trip: the settings and the statement go in one simple-query message, which
 * PostgreSQL runs as one implicit transaction. The statement takes no parameters: inline values
 * with `pg.escapeLiteral` (or digits the caller has checked).
 */
export async function readAsTenant<R>(db: Kysely<Database>, tenantId: string, statement: string): Promise<R[]> {
  const { rows } = await sql.raw<R>(`${tenantSettings(tenantId)}; ${statement}`).execute(db);
  return rows;
}

/**
 * {@link readAsTenant} for a read whose answer goes out as bytes: `before`'s statements (each gives
 * its rows, in order), then `select` copied out in PostgreSQL's binary COPY format, all in one
 * round trip as one implicit transaction (see {@link CopyOut}). Inline values as for readAsTenant.
 */
export async function copyAsTenant(copyOut: CopyOut, tenantId: string, before: readonly string[], select: string): Promise<CopyOutcome> {
  const { rowSets, copied } = await copyOut([tenantSettings(tenantId), ...before, `copy (${select}) to stdout (format binary)`].join("; "));
  // The settings' own row first.
  return { rowSets: rowSets.slice(1), copied };
}

/**
 * The platform owner's explicit cross-tenant path: a read-only role whose policies see every
 * tenant's rows. Writes through it are refused by the grants.
 */
export function asPlatformReader<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', ${PLATFORM_ROLE}, true)`.execute(trx);
    return fn(trx);
  });
}

/**
 * The background worker's path: a role whose policies see every shop's outbox jobs and expired
 * checkout reservations — to claim what is due — and nothing else.
 */
export function asWorker<T>(db: Kysely<Database>, fn: (trx: TenantTx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', ${WORKER_ROLE}, true)`.execute(trx);
    return fn(trx);
  });
}
