import type { Kysely } from "kysely";
import { uuidv7 } from "uuidv7";
import type { Principal } from "../auth/token";
import type { Database } from "../db/schema";
import { withTenant, type TenantTx } from "../db/tenant-scope";

/** The version of {@link AuditEvent}'s shape, stored in every event; bump it when the shape changes. */
export const AUDIT_EVENT_VERSION = 1;

/** What the audit log records. Names are `area.verb`; the console filters by them. */
export const AuditAction = {
  signIn: "auth.sign_in",
  signOut: "auth.sign_out",
  pinSet: "staff.pin_set",
  roleChanged: "staff.role_changed",
  staffDeactivated: "staff.deactivated",
  managerDisabled: "user.disabled",
  priceChanged: "product.price_changed",
  settingsChanged: "settings.changed",
  pushRefused: "sync.refused",
  salesFlagged: "sync.sales_flagged",
  tillRegistered: "device.registered",
  tillRevoked: "device.revoked",
  shopCreated: "tenant.created",
  shopSuspended: "tenant.suspended",
  shopActivated: "tenant.activated",
  shopDomainSet: "tenant.domain_set",
  staffAdded: "staff.added",
  tillRenamed: "device.renamed",
  catalogImported: "catalog.imported",
  shopDomainVerified: "tenant.domain_verified",
  shopPlanChanged: "tenant.plan_changed",
  shopExported: "tenant.exported",
  shopClosed: "tenant.closed",
  shopRestored: "tenant.restored",
  shopDeleted: "tenant.deleted",
  planUpdated: "plan.updated",
  ownerInvited: "owner.invited",
  linkSent: "user.link_sent",
  passwordSet: "auth.password_set",
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

/** Who did it, from where. */
export interface AuditActor {
  readonly kind: Principal["kind"] | "anonymous";
  readonly id?: string | undefined;
  /** The client's address as the rate limiter sees it. */
  readonly address?: string | undefined;
}

/** One audit event: append-only, versioned, refusals included. */
export interface AuditEvent {
  readonly action: AuditAction;
  readonly actor: AuditActor;
  readonly outcome: "ok" | "refused";
  /** What it was about: `{ type: "staff", id }`, `{ type: "products", id }`, … */
  readonly targets?: readonly { readonly type: string; readonly id: string }[] | undefined;
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}

/** The actor of an authenticated request. */
export function actorOf(principal: Principal, address?: string): AuditActor {
  const id =
    principal.kind === "device"
      ? principal.deviceId
      : principal.kind === "shopper"
        ? (principal.customerId ?? principal.sessionId)
        : principal.userId;
  return { kind: principal.kind, id, address };
}

function row(event: AuditEvent, tenantId: string | undefined, now: Date) {
  const id = uuidv7();
  const stored = { v: AUDIT_EVENT_VERSION, id, at: now.toISOString(), ...(tenantId ? { tenantId } : {}), ...event };
  return {
    id,
    at: now,
    actor_kind: event.actor.kind,
    actor_id: event.actor.id ?? null,
    action: event.action,
    outcome: event.outcome,
    event: JSON.stringify(stored),
  };
}

/** Appends events about one shop, in the caller's transaction (so a write and its record commit together). */
export async function recordAudit(trx: TenantTx, tenantId: string, events: readonly AuditEvent[], now = new Date()): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto("audit_log")
    .values(events.map((e) => ({ tenant_id: tenantId, ...row(e, tenantId, now) })))
    .execute();
}

/** Appends one event in a transaction of its own: a shop's, or the platform's when it concerns no shop. */
export async function recordAuditNow(
  db: Kysely<Database>,
  tenantId: string | undefined,
  event: AuditEvent,
  now = new Date(),
): Promise<void> {
  if (tenantId) {
    await withTenant(db, tenantId, (trx) => recordAudit(trx, tenantId, [event], now));
    return;
  }
  await db
    .insertInto("platform_audit_log")
    .values(row(event, undefined, now))
    .execute();
}
