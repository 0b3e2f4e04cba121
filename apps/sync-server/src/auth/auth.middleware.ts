import type { Context, MiddlewareHandler } from "hono";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { platformSessionHolds } from "./session.repository";
import { readStandingFacts } from "./standing.repository";
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

/**
 * Where a caller stands, read from the database on every request (and every stream heartbeat),
 * never cached: a shop that no longer exists, an unknown till, or an ended session is a 401 here.
 */
export async function standingOf(deps: Pick<AppDeps, "db">, principal: Principal, now = new Date()): Promise<Standing> {
  if (principal.kind === "owner") {
    if (!(await platformSessionHolds(deps.db, principal.sessionId, now))) throw new ApiError(ErrorCode.unauthorized, SESSION_ENDED);
    return "ok";
  }
  const state = await withTenant(deps.db, principal.tenantId, (trx) =>
    readStandingFacts(
      trx,
      principal.tenantId,
      {
        ...(principal.kind === "device" ? { deviceId: principal.deviceId } : {}),
        ...(principal.kind === "manager" ? { sessionId: principal.sessionId } : {}),
      },
      now,
    ),
  );
  if (state.tenantStatus === null) throw new ApiError(ErrorCode.unauthorized, "This shop no longer exists.");
  if (principal.kind === "device" && !state.device)
    throw new ApiError(ErrorCode.unauthorized, "This till is not registered with this shop.");
  if (!state.session) throw new ApiError(ErrorCode.unauthorized, SESSION_ENDED);
  if (state.tenantStatus !== "active") return "suspended_shop";
  if (state.device && state.device.revokedAt !== null) return "revoked_till";
  return "ok";
}

/** Throws unless the caller may act now: {@link standingOf} must be `ok`. */
export async function assertInGoodStanding(deps: Pick<AppDeps, "db">, principal: Principal): Promise<void> {
  refuseUnlessOk(await standingOf(deps, principal));
}

function refuseUnlessOk(standing: Standing): void {
  if (standing === "suspended_shop") {
    throw new ApiError(ErrorCode.tenant_suspended, "This shop's account is suspended. Contact the platform owner.");
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
  options: { readonly acceptSales?: (c: Context<AppEnv>) => boolean } = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = await readToken(deps.keys, bearerToken(c.req.header("authorization")));
    if (!kinds.includes(principal.kind)) {
      throw new ApiError(ErrorCode.forbidden, `This needs a ${kinds.join(" or ")} sign-in.`);
    }
    const standing = await standingOf(deps, principal);
    if (standing !== "ok" && !(principal.kind === "device" && options.acceptSales?.(c))) refuseUnlessOk(standing);
    c.set("principal", principal);
    c.set("standing", standing);
    await next();
  };
}

/** The authenticated caller, narrowed to the kinds a route allows (after `requireAuth`). */
export function callerAs<K extends PrincipalKind>(c: Context<AppEnv>, ...kinds: K[]): Extract<Principal, { kind: K }> {
  const principal = c.get("principal");
  if (!kinds.includes(principal.kind as K)) throw new ApiError(ErrorCode.forbidden, `This needs a ${kinds.join(" or ")} sign-in.`);
  return principal as Extract<Principal, { kind: K }>;
}
