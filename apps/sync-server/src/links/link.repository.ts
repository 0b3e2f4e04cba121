import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";

/** A new link's row. */
export interface NewLink {
  readonly id: string;
  readonly purpose: "reset" | "invite";
  readonly userId: string;
  readonly secretHash: string;
  readonly expiresAt: Date;
}

/** Stores a platform owner's link. */
export async function insertPlatformLink(db: Kysely<Database>, link: NewLink): Promise<void> {
  await db
    .insertInto("platform_links")
    .values({ id: link.id, purpose: link.purpose, user_id: link.userId, secret_hash: link.secretHash, expires_at: link.expiresAt })
    .execute();
}

/** Stores a shop manager's link. */
export async function insertUserLink(trx: TenantTx, tenantId: string, link: NewLink): Promise<void> {
  await trx
    .insertInto("user_links")
    .values({
      tenant_id: tenantId,
      id: link.id,
      purpose: link.purpose,
      user_id: link.userId,
      secret_hash: link.secretHash,
      expires_at: link.expiresAt,
    })
    .execute();
}

/** A platform owner's link with its person, locked until commit (so it is used once). */
export function lockPlatformLink(db: Kysely<Database>, id: string) {
  return db
    .selectFrom("platform_links")
    .innerJoin("platform_users", "platform_users.id", "platform_links.user_id")
    .select([
      "platform_links.id",
      "platform_links.purpose",
      "platform_links.user_id",
      "platform_links.secret_hash",
      "platform_links.expires_at",
      "platform_links.used_at",
      "platform_users.email",
      "platform_users.name",
    ])
    .where("platform_links.id", "=", id)
    .forUpdate("platform_links")
    .executeTakeFirst();
}

/** A shop manager's link with its person and shop, locked until commit. */
export function lockUserLink(trx: TenantTx, id: string) {
  return trx
    .selectFrom("user_links")
    .innerJoin("users", (j) => j.onRef("users.tenant_id", "=", "user_links.tenant_id").onRef("users.id", "=", "user_links.user_id"))
    .innerJoin("tenants", "tenants.id", "user_links.tenant_id")
    .select([
      "user_links.id",
      "user_links.purpose",
      "user_links.user_id",
      "user_links.secret_hash",
      "user_links.expires_at",
      "user_links.used_at",
      "users.email",
      "users.name",
      "tenants.name as shop_name",
      "tenants.slug",
    ])
    .where("user_links.id", "=", id)
    .forUpdate("user_links")
    .executeTakeFirst();
}

/** Marks a link used. */
export async function markPlatformLinkUsed(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.updateTable("platform_links").set({ used_at: now }).where("id", "=", id).execute();
}

/** Marks a shop manager's link used. */
export async function markUserLinkUsed(trx: TenantTx, id: string, now: Date): Promise<void> {
  await trx.updateTable("user_links").set({ used_at: now }).where("id", "=", id).execute();
}
