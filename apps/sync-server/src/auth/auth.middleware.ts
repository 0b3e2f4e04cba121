import type { Context, MiddlewareHandler } from "hono";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import type { TenantStatus } from "../db/schema";
import { moduleDisabledError } from "../plans/plan-limits";
import { shopPlan } from "../plans/plan.repository";
import { tenantStatus } from "../tenants/tenant.repository";
import { platformSessionHolds } from "./session.repository";
import { callerStateFrom, readCallerState, type Caller, type CallerState, type CallerStateRow } from "./standing.repository";
import { readToken, type Principal, type PrincipalKind } from "./token";

/** The bearer token of a request, or a 401 that says what is missing. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) throw new ApiError(ErrorCode.unauthorized, "Sign in first: send Authorization: Bearer <token>.");
  return match[1];
}

/**
 * How a caller stands: `ok`, or the one state in which a till may still push its sales and nothing
 * else — its shop suspended, or the till revoked (DESIGN: sales are never refused, only flagged).
 */
export type Standing = "ok" | "suspended_shop" | "revoked_till";

const SESSION_ENDED = "Your sign-in has ended (signed out, expired, or the account was disabled). Sign in again.";

/** How a caller stands, and what to tell them when their shop is not active. */
interface StandingRead {
  readonly standing: Standing;
  readonly shopStatus?: TenantStatus;
  readonly reason?: string | null;
}

/** What a caller's standing is judged on: the state of its shop, till and session, and (a shopper's) the shop's plan. */
type StandingState = CallerState & { readonly plan: Awaited<ReturnType<typeof shopPlan>> | undefined };

/**
 * How a caller stands on `state`: a shop that no longer exists, an unknown till, or an ended
 * session is a 401; a shopper of a shop whose plan has the online shop switched off is a 403
 * `module_disabled`.
 */
function judgeStanding(principal: Principal, state: StandingState): StandingRead {
  if (!state.tenant || state.tenant.status === "deleted") throw new ApiError(ErrorCode.unauthorized, "This shop no longer exists.");
  if (principal.kind === "device" && !state.device)
    throw new ApiError(ErrorCode.unauthorized, "This till is not registered with this shop.");
  if (!state.session) throw new ApiError(ErrorCode.unauthorized, SESSION_ENDED);
  if (state.plan && !state.plan.modules.has("storefront")) throw moduleDisabledError(state.plan, "storefront");
  if (state.tenant.status !== "active")
    return { standing: "suspended_shop", shopStatus: state.tenant.status, reason: state.tenant.status_reason };
  if (state.device && state.device.revoked_at !== null) return { standing: "revoked_till" };
  return { standing: "ok" };
}

/** Whose state a till's or a manager's standing is read from. */
function callerOf(principal: Extract<Principal, { kind: "device" | "manager" }>): Caller {
  return principal.kind === "device"
    ? { tenantId: principal.tenantId, deviceId: principal.deviceId }
    : { tenantId: principal.tenantId, sessionId: principal.sessionId };
}

/**
 * Where a caller stands, read from the database on every request (and every stream heartbeat),
 * never cached (see `judgeStanding`).
 */
async function readStanding(deps: Pick<AppDeps, "db">, principal: Principal, now: Date): Promise<StandingRead> {
  if (principal.kind === "owner") {
    if (!(await platformSessionHolds(deps.db, principal.sessionId, now))) throw new ApiError(ErrorCode.unauthorized, SESSION_ENDED);
    return { standing: "ok" };
  }
  const state: StandingState =
    principal.kind === "shopper"
      ? await withTenant(deps.db, principal.tenantId, async (trx) => ({
          tenant: await tenantStatus(trx, principal.tenantId),
          device: undefined,
          session: true,
          plan: await shopPlan(trx, principal.tenantId),
        }))
      : { ...(await readCallerState(deps.db, callerOf(principal), now)), plan: undefined };
  return judgeStanding(principal, state);
}

/**
 * A till's or a manager's standing check left to the request's own statements — a push's, where it
 * rides in the message that begins the transaction, a pull's, where the page's statement reads it —
 * instead of costing a round trip of its own. The request is refused there, before anything is
 * written or answered, exactly as `requireAuth` would have.
 */
export interface DeferredStanding {
  /**
   * Whose standing, and as of when: the read to run as the caller's tenant before anything else is
   * `callerStateStatement` (a pull page, literals) or `callerStateQuery` (a push, prepared) of these.
   */
  readonly caller: Caller;
  readonly now: Date;
  /** The standing its row gives; throws (401/403) unless the caller may go on. */
  readonly settle: (row: CallerStateRow | undefined) => Standing;
}

/** Where a caller stands (see `readStanding`): `ok`, or the standing in which only a till's sales get through. */
export async function standingOf(deps: Pick<AppDeps, "db">, principal: Principal, now = new Date()): Promise<Standing> {
  return (await readStanding(deps, principal, now)).standing;
}

/** Throws unless the caller may act now: {@link standingOf} must be `ok`. */
export async function assertInGoodStanding(deps: Pick<AppDeps, "db">, principal: Principal): Promise<void> {
  refuseUnlessOk(await readStanding(deps, principal, new Date()));
}

/** What the shop's people are told while it is not active: why, when the platform owner said why. */
export function suspendedMessage(status: TenantStatus | undefined, reason: string | null | undefined): string {
  const why = reason ? ` Reason: ${reason}${/[.!?]$/.test(reason) ? "" : "."}` : "";
  if (status === "closed") return `This shop has been closed.${why} Contact the platform owner to restore it.`;
  return `This shop's account is suspended.${why} Contact the platform owner.`;
}

function refuseUnlessOk({ standing, shopStatus, reason }: StandingRead): void {
  if (standing === "suspended_shop") {
    throw new ApiError(ErrorCode.tenant_suspended, suspendedMessage(shopStatus, reason), { status: shopStatus, reason: reason ?? null });
  }
  if (standing === "revoked_till") {
    throw new ApiError(ErrorCode.unauthorized, "This till's registration was revoked. A manager must register it again.");
  }
}

/**
 * Lets through only the given kinds of caller, and only while they stand well — a suspension, a
 * revocation or a sign-out takes effect at the very next request. `acceptSales` names the requests
 * (a till's push of its sales) that a revoked till or a suspended shop may still make: they pass
 * with their standing set, for the push to flag what they bring.
 */
export function requireAuth(
  deps: Pick<AppDeps, "db" | "keys">,
  kinds: readonly PrincipalKind[],
  options: {
    readonly acceptSales?: (c: Context<AppEnv>) => boolean;
    /**
     * The requests whose handler runs the standing check of a till or a manager with its own
     * statements, first thing (`c.get("deferredStanding")`): a push, a pull page. Others are checked here.
     */
    readonly standingInTransaction?: (c: Context<AppEnv>) => boolean;
  } = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = await readToken(deps.keys, bearerToken(c.req.header("authorization")));
    if (!kinds.includes(principal.kind)) {
      throw new ApiError(ErrorCode.forbidden, `This needs a ${kinds.join(" or ")} sign-in.`);
    }
    if ((principal.kind === "device" || principal.kind === "manager") && options.standingInTransaction?.(c)) {
      const caller = callerOf(principal);
      const salesPass = principal.kind === "device" && (options.acceptSales?.(c) ?? false);
      c.set("principal", principal);
      c.set("deferredStanding", {
        caller,
        now: new Date(),
        settle: (row) => {
          const read = judgeStanding(principal, { ...callerStateFrom(caller, row), plan: undefined });
          if (read.standing !== "ok" && !salesPass) refuseUnlessOk(read);
          return read.standing;
        },
      });
      await next();
      return;
    }
    const read = await readStanding(deps, principal, new Date());
    if (read.standing !== "ok" && !(principal.kind === "device" && options.acceptSales?.(c))) refuseUnlessOk(read);
    c.set("principal", principal);
    c.set("standing", read.standing);
    await next();
  };
}

/** The authenticated caller, narrowed to the kinds a route allows (after `requireAuth`). */
export function callerAs<K extends PrincipalKind>(c: Context<AppEnv>, ...kinds: K[]): Extract<Principal, { kind: K }> {
  const principal = c.get("principal");
  if (!kinds.includes(principal.kind as K)) throw new ApiError(ErrorCode.forbidden, `This needs a ${kinds.join(" or ")} sign-in.`);
  return principal as Extract<Principal, { kind: K }>;
}
