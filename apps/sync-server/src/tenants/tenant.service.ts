import type { Kysely } from "kysely";
import { uuidv7 } from "uuidv7";
import { hashPassword } from "../auth/password";
import type { Settings } from "@countertop/sync-protocol";
import { AuditAction, recordAuditNow, type AuditActor } from "../audit/audit";
import type { Database, TenantStatus } from "../db/schema";
import { withTenant, type TenantTx } from "../db/tenant-scope";
import { writeDocuments } from "../documents/document.repository";
import type { AppDeps } from "../http/app-env";
import { setTenantDomain, setTenantStatus } from "./tenant.repository";

export interface NewTenant {
  readonly slug: string;
  readonly name: string;
  readonly currency: string;
  readonly managerEmail: string;
  readonly managerPassword: string;
  readonly managerName?: string;
  readonly planId?: string;
  readonly locale?: string;
  readonly taxMode?: "inclusive" | "exclusive";
}

export interface CreatedTenant {
  readonly id: string;
  readonly slug: string;
  readonly managerId: string;
  readonly locationId: string;
}

/** The settings document a new shop starts with; the manager edits it from the till. */
export function defaultSettings(input: {
  name: string;
  currency: string;
  locale: string;
  taxMode: "inclusive" | "exclusive";
  locationId: string;
  now: string;
}): Settings {
  return {
    id: "shop",
    shopName: input.name,
    currency: input.currency,
    locale: input.locale,
    taxMode: input.taxMode,
    taxRates: [{ id: "standard", name: "Standard", rate: 2000 }],
    defaultTaxRateId: "standard",
    locations: [{ id: input.locationId, name: "Main store" }],
    registers: [],
    paymentMethods: ["cash", "card", "other"],
    cashRounding: 0,
    shippingOptions: [{ id: "pickup", kind: "pickup", name: "Pick up in store", amount: 0, locationId: input.locationId }],
    theme: { primaryColor: "#1f6f5c" },
    discountApprovalThresholdBp: 2000,
    updatedAt: input.now,
    _deleted: false,
  };
}

/**
 * Creates a tenant with its first manager, a location and default settings, in one transaction
 * scoped to the new tenant (row-level security checks every insert). `extend` adds more in the
 * same transaction — the demo seed uses it for its catalog.
 */
export async function createTenant(
  db: Kysely<Database>,
  input: NewTenant,
  now: Date,
  extend?: (trx: TenantTx, tenant: CreatedTenant) => Promise<void>,
): Promise<CreatedTenant> {
  const id = uuidv7();
  const managerId = uuidv7();
  const locationId = uuidv7();
  const passwordHash = await hashPassword(input.managerPassword);
  const iso = now.toISOString();
  return withTenant(db, id, async (trx) => {
    await trx
      .insertInto("tenants")
      .values({ id, slug: input.slug, name: input.name, currency: input.currency, plan_id: input.planId ?? "starter", domain: null })
      .execute();
    await trx
      .insertInto("users")
      .values({
        tenant_id: id,
        id: managerId,
        email: input.managerEmail.toLowerCase(),
        password_hash: passwordHash,
        name: input.managerName ?? "Manager",
        role: "manager",
      })
      .execute();
    const settings = defaultSettings({
      name: input.name,
      currency: input.currency,
      locale: input.locale ?? "en-US",
      taxMode: input.taxMode ?? "inclusive",
      locationId,
      now: iso,
    });
    await writeDocuments(trx, id, "settings", [settings]);
    // The first manager is a person on the tills too: linked to their sign-in, with no PIN until they set one.
    await writeDocuments(trx, id, "staff", [
      { id: managerId, name: input.managerName ?? "Manager", role: "manager", active: true, userId: managerId, _deleted: false },
    ]);
    const created = { id, slug: input.slug, managerId, locationId };
    if (extend) await extend(trx, created);
    return created;
  });
}

/** Suspends or reactivates a shop, recorded in its audit trail; `undefined` when there is no such shop. */
export async function setShopStatus(
  { db, changes }: Pick<AppDeps, "db" | "changes">,
  id: string,
  status: TenantStatus,
  actor: AuditActor,
  now: Date,
) {
  const updated = await setTenantStatus(db, changes, id, status);
  if (updated) {
    const action = status === "active" ? AuditAction.shopActivated : AuditAction.shopSuspended;
    await recordAuditNow(db, id, { action, actor, outcome: "ok", targets: [{ type: "tenant", id }] }, now);
  }
  return updated;
}

/** Sets (or clears) a shop's own host name, recorded in its audit trail; `undefined` when there is no such shop. */
export async function setShopDomain(
  { db, changes }: Pick<AppDeps, "db" | "changes">,
  id: string,
  domain: string | null,
  actor: AuditActor,
  now: Date,
) {
  const updated = await setTenantDomain(db, changes, id, domain);
  if (updated)
    await recordAuditNow(
      db,
      id,
      { action: AuditAction.shopDomainSet, actor, outcome: "ok", targets: [{ type: "tenant", id }], details: { domain } },
      now,
    );
  return updated;
}
