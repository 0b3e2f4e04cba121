import type { Kysely } from "kysely";
import type { Database, TenantStatus } from "../db/schema";
import { asPlatformReader, withTenant, type TenantTx } from "../db/tenant-scope";
import { TENANT_CHANGED, type ChangeFeed } from "../sync/change-feed";

/** A shop as the public and the platform owner see it. */
export interface TenantSummary {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly status: TenantStatus;
}

/** The shop at `slug`, whatever its status; `undefined` when there is none. */
export function findTenantBySlug(db: Kysely<Database>, slug: string): Promise<TenantSummary | undefined> {
  return asPlatformReader(db, (trx) =>
    trx.selectFrom("tenants").select(["id", "slug", "name", "status"]).where("slug", "=", slug).executeTakeFirst(),
  );
}

/** The shop that answers at host name `domain`, whatever its status; `undefined` when there is none. */
export function findTenantByDomain(db: Kysely<Database>, domain: string): Promise<TenantSummary | undefined> {
  return asPlatformReader(db, (trx) =>
    trx.selectFrom("tenants").select(["id", "slug", "name", "status"]).where("domain", "=", domain).executeTakeFirst(),
  );
}

/** Every shop of the platform, oldest first (the platform owner's list). */
export function listTenants(db: Kysely<Database>) {
  return asPlatformReader(db, (trx) =>
    trx
      .selectFrom("tenants")
      .select(["id", "slug", "name", "currency", "status", "plan_id", "domain", "created_at"])
      .orderBy("created_at")
      .execute(),
  );
}

/** Tells every process, on commit, that a shop changed (they forget what they remember of shops). */
type Announcer = Pick<ChangeFeed, "announce">;

/** Sets a shop's status, announced on the change feed; `undefined` when there is no such shop. */
export function setTenantStatus(db: Kysely<Database>, changes: Announcer, id: string, status: TenantStatus) {
  return withTenant(db, id, async (trx) => {
    await changes.announce(trx, id, [TENANT_CHANGED]);
    return trx.updateTable("tenants").set({ status }).where("id", "=", id).returning(["id", "slug", "status"]).executeTakeFirst();
  });
}

/** Sets (or clears, with `null`) a shop's own host name, announced on the change feed; `undefined` when there is no such shop. */
export function setTenantDomain(db: Kysely<Database>, changes: Announcer, id: string, domain: string | null) {
  return withTenant(db, id, async (trx) => {
    await changes.announce(trx, id, [TENANT_CHANGED]);
    return trx.updateTable("tenants").set({ domain }).where("id", "=", id).returning(["id", "slug", "domain"]).executeTakeFirst();
  });
}

/** The tenant's status (a caller in good standing needs an active shop). */
export function tenantStatus(trx: TenantTx, tenantId: string) {
  return trx.selectFrom("tenants").select("status").where("id", "=", tenantId).executeTakeFirst();
}
