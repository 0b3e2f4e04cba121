import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";
import { asPlatformReader } from "../db/tenant-scope";
import { effectivePlan, readOverrides } from "../plans/plan";
import { planOf } from "../plans/plan.repository";

/**
 * Everything the console shows on a shop's page, through the read-only platform role: the shop,
 * its plan (with its overrides and what it uses of each limit), its tills with their last sync,
 * its managers; `undefined` when there is no such shop.
 */
export async function tenantDetail(db: Kysely<Database>, id: string) {
  return asPlatformReader(db, async (trx) => {
    const tenant = await trx
      .selectFrom("tenants")
      .innerJoin("plans", "plans.id", "tenants.plan_id")
      .select([
        "tenants.id",
        "tenants.slug",
        "tenants.name",
        "tenants.currency",
        "tenants.status",
        "tenants.status_reason",
        "tenants.status_changed_at",
        "tenants.delete_after",
        "tenants.domain",
        "tenants.domain_verified_at",
        "tenants.created_at",
        "tenants.plan_overrides",
        "plans.id as plan_id",
        "plans.name as plan_name",
        "plans.modules",
        "plans.max_registers",
        "plans.max_locations",
        "plans.max_staff",
        "plans.max_products",
      ])
      .where("tenants.id", "=", id)
      .executeTakeFirst();
    if (!tenant) return undefined;
    const devices = await trx
      .selectFrom("devices")
      .select(["id", "name", "location_id", "created_at", "revoked_at", "last_seen_at", "pending_docs", "app_version"])
      .where("tenant_id", "=", id)
      .orderBy("created_at")
      .execute();
    const managers = await trx
      .selectFrom("users")
      .select(["id", "email", "name", "created_at", "disabled_at"])
      .where("tenant_id", "=", id)
      .orderBy("created_at")
      .execute();
    const usage = await sql<{ products: string; staff: string; locations: number | null; locale: string | null; open: number | null }>`
      select
        (select count(*) from products where tenant_id = ${id} and not deleted and doc->>'status' <> 'archived') as products,
        (select count(*) from staff where tenant_id = ${id} and not deleted and (doc->>'active')::boolean) as staff,
        (select jsonb_array_length(doc->'locations') from settings where tenant_id = ${id} and id = 'shop') as locations,
        (select doc->>'locale' from settings where tenant_id = ${id} and id = 'shop') as locale,
        (select open_reconciliation from tenant_counters where tenant_id = ${id}) as open
    `.execute(trx);
    const used = usage.rows[0]!;
    const plan = planOf({ ...tenant, id: tenant.plan_id, name: tenant.plan_name });
    const overrides = readOverrides(tenant.plan_overrides);
    const effective = effectivePlan(plan, overrides);
    return {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      currency: tenant.currency,
      locale: used.locale,
      status: tenant.status === "disabled" ? "suspended" : tenant.status,
      statusReason: tenant.status_reason,
      statusChangedAt: tenant.status_changed_at?.toISOString() ?? null,
      deleteAfter: tenant.delete_after?.toISOString() ?? null,
      domain: tenant.domain,
      domainVerifiedAt: tenant.domain_verified_at?.toISOString() ?? null,
      createdAt: tenant.created_at.toISOString(),
      plan: { ...plan, overrides, limits: effective.limits, modules: [...effective.modules] },
      usage: {
        registers: devices.filter((d) => d.revoked_at === null).length,
        locations: Number(used.locations ?? 0),
        staff: Number(used.staff),
        products: Number(used.products),
      },
      openReconciliation: Number(used.open ?? 0),
      registers: devices.map((d) => ({
        id: d.id,
        name: d.name,
        locationId: d.location_id,
        createdAt: d.created_at.toISOString(),
        revokedAt: d.revoked_at?.toISOString() ?? null,
        lastSyncAt: d.last_seen_at?.toISOString() ?? null,
        pendingDocs: d.pending_docs,
        appVersion: d.app_version,
      })),
      managers: managers.map((m) => ({
        id: m.id,
        email: m.email,
        name: m.name,
        createdAt: m.created_at.toISOString(),
        disabled: m.disabled_at !== null,
      })),
    };
  });
}
