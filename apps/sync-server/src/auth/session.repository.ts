import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";

/** Opens a manager's session until `expiresAt`. */
export async function insertSession(
  trx: TenantTx,
  tenantId: string,
  session: { id: string; userId: string; expiresAt: Date },
): Promise<void> {
  await trx
    .insertInto("sessions")
    .values({ tenant_id: tenantId, id: session.id, user_id: session.userId, expires_at: session.expiresAt })
    .execute();
}

/** Ends one session, or (with `everywhere`) every open session of its manager. Returns how many ended. */
export async function revokeSessions(
  trx: TenantTx,
  tenantId: string,
  target: { sessionId: string } | { userId: string },
  now: Date,
): Promise<number> {
  const rows = await trx
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("tenant_id", "=", tenantId)
    .where("revoked_at", "is", null)
    .$if("sessionId" in target, (q) => q.where("id", "=", "sessionId" in target ? target.sessionId : ""))
    .$if("userId" in target, (q) => q.where("user_id", "=", "userId" in target ? target.userId : ""))
    .returning("id")
    .execute();
  return rows.length;
}

/** Opens the platform owner's session until `expiresAt`. */
export async function insertPlatformSession(db: Kysely<Database>, session: { id: string; userId: string; expiresAt: Date }): Promise<void> {
  await db.insertInto("platform_sessions").values({ id: session.id, user_id: session.userId, expires_at: session.expiresAt }).execute();
}

/** Whether the platform owner's session still holds. */
export async function platformSessionHolds(db: Kysely<Database>, sessionId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom("platform_sessions")
    .innerJoin("platform_users", "platform_users.id", "platform_sessions.user_id")
    .select("platform_sessions.id")
    .where("platform_sessions.id", "=", sessionId)
    .where("platform_sessions.revoked_at", "is", null)
    .where("platform_sessions.expires_at", ">", now)
    .where("platform_users.disabled_at", "is", null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Ends the platform owner's session, or every one of theirs. */
export async function revokePlatformSessions(
  db: Kysely<Database>,
  target: { sessionId: string } | { userId: string },
  now: Date,
): Promise<number> {
  const rows = await db
    .updateTable("platform_sessions")
    .set({ revoked_at: now })
    .where("revoked_at", "is", null)
    .$if("sessionId" in target, (q) => q.where("id", "=", "sessionId" in target ? target.sessionId : ""))
    .$if("userId" in target, (q) => q.where("user_id", "=", "userId" in target ? target.userId : ""))
    .returning("id")
    .execute();
  return rows.length;
}
