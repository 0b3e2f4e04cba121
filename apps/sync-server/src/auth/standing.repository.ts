import { sql } from "kysely";
import type { TenantTx } from "../db/tenant-scope";

/** What a caller's standing is decided from, read in one round trip. */
export interface StandingFacts {
  /** The shop's status; `null` when the shop no longer exists. */
  readonly tenantStatus: string | null;
  /** The till, when the caller is one: `null` when it is not registered with the shop. */
  readonly device: { readonly revokedAt: Date | null } | null;
  /** Whether the manager's session holds (not revoked, not expired, the manager not disabled); true for other callers. */
  readonly session: boolean;
}

/**
 * The shop's status, and the till's registration or the manager's session, in one statement (every
 * request pays for this, so it is one round trip, not one per fact).
 */
export async function readStandingFacts(
  trx: TenantTx,
  tenantId: string,
  caller: { readonly deviceId?: string; readonly sessionId?: string },
  now: Date,
): Promise<StandingFacts> {
  const { deviceId, sessionId } = caller;
  const { rows } = await sql<{ status: string | null; device_found: boolean; revoked_at: Date | null; session: boolean }>`
    select
      (select status from tenants where id = ${tenantId}) as status,
      ${deviceId === undefined ? sql`false` : sql`exists (select 1 from devices where tenant_id = ${tenantId} and id = ${deviceId})`} as device_found,
      ${deviceId === undefined ? sql`null::timestamptz` : sql`(select revoked_at from devices where tenant_id = ${tenantId} and id = ${deviceId})`} as revoked_at,
      ${
        sessionId === undefined
          ? sql`true`
          : sql`exists (select 1 from sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
              where s.tenant_id = ${tenantId} and s.id = ${sessionId} and s.revoked_at is null and s.expires_at > ${now}
                and u.disabled_at is null)`
      } as session
  `.execute(trx);
  const row = rows[0]!;
  return {
    tenantStatus: row.status,
    device: deviceId === undefined || !row.device_found ? null : { revokedAt: row.revoked_at },
    session: row.session,
  };
}
