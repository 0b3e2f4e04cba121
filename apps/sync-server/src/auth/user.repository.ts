import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { asPlatformReader, type TenantTx } from "../db/tenant-scope";
import { revokeSessions } from "./session.repository";

/** The platform owner with this (lower-case) email, if any. */
export function findOwnerByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom("platform_users")
    .select(["id", "email", "name", "password_hash"])
    .where("email", "=", email)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
}

/** The managers with this (lower-case) email in every shop, or in the shop at `slug` only. */
export function findManagersByEmail(db: Kysely<Database>, email: string, slug?: string | undefined) {
  return asPlatformReader(db, (trx) =>
    trx
      .selectFrom("users")
      .innerJoin("tenants", "tenants.id", "users.tenant_id")
      .select([
        "users.id",
        "users.tenant_id",
        "users.password_hash",
        "users.name",
        "tenants.slug",
        "tenants.status",
        "tenants.status_reason",
        "tenants.name as tenant_name",
      ])
      .where("users.email", "=", email)
      .where("users.disabled_at", "is", null)
      .where("tenants.status", "<>", "deleted")
      .$if(slug !== undefined, (qb) => qb.where("tenants.slug", "=", slug ?? ""))
      .execute(),
  );
}

/** Disables a manager's sign-in and ends every session of it (their staff document was deactivated). */
export async function disableManager(trx: TenantTx, tenantId: string, userId: string, now: Date): Promise<void> {
  await trx
    .updateTable("users")
    .set({ disabled_at: now })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", userId)
    .where("disabled_at", "is", null)
    .execute();
  await revokeSessions(trx, tenantId, { userId }, now);
}

/** The platform's owners, oldest first, without their password hashes. */
export function listOwners(db: Kysely<Database>) {
  return db
    .selectFrom("platform_users")
    .select(["id", "email", "name", "created_at as createdAt", "disabled_at as disabledAt"])
    .orderBy("created_at")
    .execute();
}

/** Adds a platform owner. */
export async function insertOwner(
  db: Kysely<Database>,
  owner: { id: string; email: string; name: string; passwordHash: string },
): Promise<void> {
  await db
    .insertInto("platform_users")
    .values({ id: owner.id, email: owner.email, name: owner.name, password_hash: owner.passwordHash })
    .execute();
}
