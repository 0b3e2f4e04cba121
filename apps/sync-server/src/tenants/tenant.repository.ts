import type { Kysely } from "kysely";
import type { Database, TenantStatus } from "../db/schema";
import { asPlatformReader, withTenant, type TenantTx } from "../db/tenant-scope";
import { notifyChange, TENANT_CHANGED } from "../sync/change-feed";

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

/** Sets a shop's status (announced on the change feed) with why and, for a closed shop, when its data goes; `undefined` when there is no such shop (or it is deleted). */
export function setTenantStatus(
  db: Kysely<Database>,
  id: string,
  change: { status: TenantStatus; reason: string | null; now: Date; deleteAfter: Date | null },
) {
  return withTenant(db, id, async (trx) => {
    // Every process forgets what it remembers of shops (which shop answers at a host name) on commit.
    await notifyChange(trx, id, [TENANT_CHANGED]);
    return trx
      .updateTable("tenants")
      .set({ status: change.status, status_reason: change.reason, status_changed_at: change.now, delete_after: change.deleteAfter })
      .where("id", "=", id)
      .where("status", "<>", "deleted")
      .returning(["id", "slug", "status", "status_reason as reason", "delete_after as deleteAfter"])
      .executeTakeFirst();
  });
}

/** Sets (or clears, with `null`) a shop's own host name, not verified yet (announced on the change feed); `undefined` when there is no such shop. */
export function setTenantDomain(db: Kysely<Database>, id: string, domain: string | null) {
  return withTenant(db, id, async (trx) => {
    await notifyChange(trx, id, [TENANT_CHANGED]);
    return trx
      .updateTable("tenants")
      .set({ domain, domain_verified_at: null })
      .where("id", "=", id)
      .returning(["id", "slug", "domain"])
      .executeTakeFirst();
  });
}

/** Records that the shop's host name reached this server just now. */
export async function markDomainVerified(db: Kysely<Database>, id: string, domain: string, now: Date): Promise<boolean> {
  const row = await withTenant(db, id, (trx) =>
    trx
      .updateTable("tenants")
      .set({ domain_verified_at: now })
      .where("id", "=", id)
      .where("domain", "=", domain)
      .returning("id")
      .executeTakeFirst(),
  );
  return row !== undefined;
}

/** Moves a shop to another plan, with its own overrides; `undefined` when there is no such shop. */
export function setTenantPlan(db: Kysely<Database>, id: string, planId: string, overrides: Record<string, unknown>) {
  return withTenant(db, id, (trx) =>
    trx
      .updateTable("tenants")
      .set({ plan_id: planId, plan_overrides: JSON.stringify(overrides) })
      .where("id", "=", id)
      .returning(["id", "plan_id as planId"])
      .executeTakeFirst(),
  );
}

/** The tenant's status (a caller in good standing needs an active shop). */
export function tenantStatus(trx: TenantTx, tenantId: string) {
  return trx.selectFrom("tenants").select(["status", "status_reason"]).where("id", "=", tenantId).executeTakeFirst();
}
