import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { asPlatformReader } from "../db/tenant-scope";

/** The platform owner with this (lower-case) email, if any. */
export function findOwnerByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom("platform_users").select(["id", "password_hash"]).where("email", "=", email).executeTakeFirst();
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
        "tenants.name as tenant_name",
      ])
      .where("users.email", "=", email)
      .$if(slug !== undefined, (qb) => qb.where("tenants.slug", "=", slug ?? ""))
      .execute(),
  );
}
