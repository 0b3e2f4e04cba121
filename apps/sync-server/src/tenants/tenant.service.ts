import { randomBytes, randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import { uuidv7 } from "uuidv7";
import { hashPassword } from "../auth/password";
import type { Settings } from "@countertop/sync-protocol";
import { AuditAction, recordAuditNow, type AuditActor } from "../audit/audit";
import type { Database, TenantStatus } from "../db/schema";
import { withTenant, type TenantTx } from "../db/tenant-scope";
import { writeDocuments } from "../documents/document.repository";
import { DEMO_TAX_RATES, writeDemoCatalog } from "../seed/demo-catalog-seed";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { sendManagerLink } from "../links/link.service";
import type { PlanOverrides } from "../plans/plan";
import { listPlans } from "../plans/plan.repository";
import { findTenantBySlug, setTenantDomain, setTenantPlan, setTenantStatus } from "./tenant.repository";
import type { NewTenantRequest } from "./tenant.schema";

export interface NewTenant {
  readonly slug: string;
  readonly name: string;
  readonly currency: string;
  readonly managerEmail: string;
  readonly managerPassword: string;
  readonly managerName?: string | undefined;
  /** The first manager's PIN at the tills, hashed (`hashPin`); without one they set it from a till. */
  readonly managerPinHash?: string | undefined;
  readonly planId?: string | undefined;
  readonly locale?: string | undefined;
  readonly taxMode?: "inclusive" | "exclusive" | undefined;
  /** Start with the demo café's catalog (and its tax rates). */
  readonly demoCatalog?: boolean | undefined;
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
    await writeDocuments(trx, id, "settings", [
      input.demoCatalog ? { ...settings, taxRates: [...DEMO_TAX_RATES], defaultTaxRateId: "reduced" } : settings,
    ]);
    // The first manager is a person on the tills too: linked to their sign-in, with no PIN until they set one.
    await writeDocuments(trx, id, "staff", [
      {
        id: managerId,
        name: input.managerName ?? "Manager",
        role: "manager",
        ...(input.managerPinHash ? { pinHash: input.managerPinHash } : {}),
        active: true,
        userId: managerId,
        _deleted: false,
      },
    ]);
    const created = { id, slug: input.slug, managerId, locationId };
    if (input.demoCatalog) await writeDemoCatalog(trx, created, iso);
    if (extend) await extend(trx, created);
    return created;
  });
}

/**
 * Suspends or reactivates a shop, with the reason its manager is told, recorded in its audit trail;
 * `undefined` when there is no such shop (or it is deleted).
 */
export async function setShopStatus(
  db: Kysely<Database>,
  id: string,
  status: Extract<TenantStatus, "active" | "suspended">,
  change: { readonly reason?: string | undefined; readonly actor: AuditActor; readonly now: Date },
) {
  const updated = await setTenantStatus(db, id, { status, reason: change.reason ?? null, now: change.now, deleteAfter: null });
  if (updated) {
    const action = status === "active" ? AuditAction.shopActivated : AuditAction.shopSuspended;
    const details = change.reason ? { reason: change.reason } : undefined;
    await recordAuditNow(db, id, { action, actor: change.actor, outcome: "ok", targets: [{ type: "tenant", id }], details }, change.now);
  }
  return updated;
}

/** Sets (or clears) a shop's own host name, recorded in its audit trail; `undefined` when there is no such shop. */
export async function setShopDomain(db: Kysely<Database>, id: string, domain: string | null, actor: AuditActor, now: Date) {
  const updated = await setTenantDomain(db, id, domain);
  if (updated)
    await recordAuditNow(
      db,
      id,
      { action: AuditAction.shopDomainSet, actor, outcome: "ok", targets: [{ type: "tenant", id }], details: { domain } },
      now,
    );
  return updated;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const CLEAR = "abcdefghjkmnpqrstuvwxyz23456789";

/** A one-time password to hand to a new manager: four groups of four, e.g. `k7mq-3xpt-9hwe-ub4d` (≈ 79 bits). */
export function oneTimePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => CLEAR[randomInt(CLEAR.length)]).join(""));
  return groups.join("-");
}

/** How the new shop's first manager gets in. */
export type ManagerAccess = "password" | "one_time_password" | "invitation";

/**
 * The platform owner creates a shop in one step: the shop, its first manager, a location, default
 * settings and (optionally) the demo café's catalog, in one transaction; then the manager's way in
 * — the password the owner typed, a one-time password shown once, or an emailed invitation — and
 * the shop's audit trail. 409 when the slug is taken, 400 for an unknown plan.
 */
export async function createShop(
  deps: Pick<AppDeps, "db" | "mail">,
  request: NewTenantRequest,
  context: { readonly actor: AuditActor; readonly origin: string; readonly now: Date },
) {
  if (await findTenantBySlug(deps.db, request.slug)) throw new ApiError(ErrorCode.conflict, `The slug "${request.slug}" is taken.`);
  const plans = await listPlans(deps.db);
  const planId = request.planId ?? "starter";
  if (!plans.some((p) => p.id === planId)) throw new ApiError(ErrorCode.bad_request, `planId: there is no plan "${planId}".`);
  const access: ManagerAccess = request.managerPassword ? "password" : request.invite ? "invitation" : "one_time_password";
  // An invited manager has a password no one knows until they choose one through the link.
  const password = request.managerPassword ?? (access === "invitation" ? randomBytes(24).toString("base64url") : oneTimePassword());
  const created = await createTenant(
    deps.db,
    { ...request, planId, managerPassword: password, demoCatalog: request.catalog === "demo" },
    context.now,
  );
  await recordAuditNow(
    deps.db,
    created.id,
    {
      action: AuditAction.shopCreated,
      actor: context.actor,
      outcome: "ok",
      targets: [{ type: "tenant", id: created.id }],
      details: { slug: created.slug, planId, catalog: request.catalog ?? "empty", managerAccess: access },
    },
    context.now,
  );
  if (access === "invitation") {
    const manager = { id: created.managerId, email: request.managerEmail.toLowerCase(), name: request.managerName ?? "Manager" };
    await sendManagerLink(deps, { id: created.id, name: request.name }, manager, "invite", context);
  }
  return {
    id: created.id,
    slug: created.slug,
    tillSetupUrl: `${context.origin}/pos/`,
    storefrontUrl: `${context.origin}/shop/${created.slug}/`,
    ...(access === "one_time_password" ? { oneTimePassword: password } : {}),
    invitationSent: access === "invitation",
  };
}

/** Moves a shop to another plan with its own overrides, recorded in its audit trail; 400 for an unknown plan. */
export async function changeShopPlan(
  db: Kysely<Database>,
  id: string,
  change: { readonly planId: string; readonly overrides: PlanOverrides },
  context: { readonly actor: AuditActor; readonly now: Date },
) {
  if (!(await listPlans(db)).some((p) => p.id === change.planId)) {
    throw new ApiError(ErrorCode.bad_request, `planId: there is no plan "${change.planId}".`);
  }
  const updated = await setTenantPlan(db, id, change.planId, change.overrides);
  if (!updated) return undefined;
  await recordAuditNow(
    db,
    id,
    {
      action: AuditAction.shopPlanChanged,
      actor: context.actor,
      outcome: "ok",
      targets: [{ type: "tenant", id }],
      details: { planId: change.planId, overrides: change.overrides },
    },
    context.now,
  );
  return updated;
}
