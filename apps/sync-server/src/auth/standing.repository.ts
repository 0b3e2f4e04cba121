import type { Kysely } from "kysely";
import pg from "pg";
import type { Database, TenantStatus } from "../db/schema";
import { readAsTenant, type ParameterizedStatement } from "../db/tenant-scope";

/** What a till's or a manager's request is checked against: its shop, its till, its session. */
export interface CallerState {
  /** The shop, or `undefined` when it does not exist. */
  readonly tenant: { readonly status: TenantStatus; readonly status_reason: string | null } | undefined;
  /** A till's registration (`undefined` when the shop has no such till); `null` for a manager. */
  readonly device: { readonly revoked_at: Date | null } | undefined | null;
  /** Whether a manager's session holds (not revoked, not expired, the manager not disabled); `true` for a till. */
  readonly session: boolean;
}

/** Whose state to read: a till (`deviceId`) or a manager's session (`sessionId`) of a shop. */
export interface Caller {
  readonly tenantId: string;
  readonly deviceId?: string;
  readonly sessionId?: string;
}

/** The row {@link callerStateStatement} answers with. */
export interface CallerStateRow {
  readonly status: TenantStatus | null;
  readonly status_reason: string | null;
  readonly device: { revoked_at: string | null } | null;
  readonly session: boolean;
}

/**
 * The statement that reads a caller's shop, till and session, without parameters (its values are
 * inlined as literals), to run as the caller's tenant: on its own ({@link readCallerState}) or as
 * the first statement of the request's own transaction (a push), where it costs no round trip.
 */
export function callerStateStatement(caller: Caller, now: Date, value: (v: string) => string = pg.escapeLiteral): string {
  const tenant = value(caller.tenantId);
  const device =
    caller.deviceId === undefined
      ? "null"
      : `(select jsonb_build_object('revoked_at', revoked_at) from devices where tenant_id = ${tenant} and id = ${value(caller.deviceId)})`;
  const session =
    caller.sessionId === undefined
      ? "true"
      : `exists (select 1 from sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
          where s.tenant_id = ${tenant} and s.id = ${value(caller.sessionId)} and s.revoked_at is null
            and s.expires_at > ${value(now.toISOString())}::timestamptz and u.disabled_at is null)`;
  return `select t.status, t.status_reason, ${device} as device, ${session} as session
       from (select 1) as one left join tenants t on t.id = ${tenant}`;
}

/**
 * {@link callerStateStatement} with its values as parameters `$1…`: its text varies only with
 * whether the caller is a till and has a session, so it can be prepared (a push's first statement).
 */
export function callerStateQuery(caller: Caller, now: Date): ParameterizedStatement {
  const values: string[] = [];
  const text = callerStateStatement(caller, now, (v) => {
    values.push(v);
    return `$${values.length}`;
  });
  return { text, values };
}

/** The caller's state as {@link callerStateStatement} read it (no row: nothing holds). */
export function callerStateFrom(caller: Caller, row: CallerStateRow | undefined): CallerState {
  return {
    tenant: row?.status ? { status: row.status, status_reason: row.status_reason } : undefined,
    device:
      caller.deviceId === undefined
        ? null
        : row?.device
          ? { revoked_at: row.device.revoked_at === null ? null : new Date(row.device.revoked_at) }
          : undefined,
    session: row?.session ?? false,
  };
}

/**
 * The shop, the till and the manager's session of a caller, read fresh in one round trip (it runs
 * on every request and every stream heartbeat, so it is one statement, not a transaction of four).
 */
export async function readCallerState(db: Kysely<Database>, caller: Caller, now: Date): Promise<CallerState> {
  const [row] = await readAsTenant<CallerStateRow>(db, caller.tenantId, callerStateStatement(caller, now));
  return callerStateFrom(caller, row);
}
