import type { Context, MiddlewareHandler } from "hono";
import { withTenant } from "../db/tenant-scope";
import { deviceRevokedAt } from "../devices/device.repository";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { tenantStatus } from "../tenants/tenant.repository";
import { readToken, type Principal, type PrincipalKind } from "./token";

/** The bearer token of a request, or a 401 that says what is missing. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) throw new ApiError(ErrorCode.unauthorized, "Sign in first: send Authorization: Bearer <token>.");
  return match[1];
}

/**
 * Throws unless a tenant's caller may still act: the tenant active and, for a till, its device
 * not revoked. Checked per request (and per stream heartbeat), never cached.
 */
export async function assertInGoodStanding(deps: Pick<AppDeps, "db">, principal: Principal): Promise<void> {
  if (principal.kind === "owner") return;
  const state = await withTenant(deps.db, principal.tenantId, async (trx) => ({
    tenant: await tenantStatus(trx, principal.tenantId),
    device: principal.kind === "device" ? await deviceRevokedAt(trx, principal.tenantId, principal.deviceId) : undefined,
  }));
  if (!state.tenant) throw new ApiError(ErrorCode.unauthorized, "This shop no longer exists.");
  if (state.tenant.status !== "active") {
    throw new ApiError(ErrorCode.tenant_suspended, "This shop's account is suspended. Contact the platform owner.");
  }
  if (principal.kind === "device" && (!state.device || state.device.revoked_at !== null)) {
    throw new ApiError(ErrorCode.unauthorized, "This till's registration was revoked. A manager must register it again.");
  }
}

/**
 * Lets through only the given kinds of caller. For a tenant's caller it also checks, on every
 * request, that the tenant is active and (for a till) that its device token has not been revoked —
 * so a suspension or a revocation takes effect at the very next request.
 */
export function requireAuth(deps: Pick<AppDeps, "db" | "jwtSecret">, kinds: readonly PrincipalKind[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = await readToken(deps.jwtSecret, bearerToken(c.req.header("authorization")));
    if (!kinds.includes(principal.kind)) {
      throw new ApiError(ErrorCode.forbidden, `This needs a ${kinds.join(" or ")} sign-in.`);
    }
    await assertInGoodStanding(deps, principal);
    c.set("principal", principal);
    await next();
  };
}

/** The authenticated caller, narrowed to the kinds a route allows (after `requireAuth`). */
export function callerAs<K extends PrincipalKind>(c: Context<AppEnv>, ...kinds: K[]): Extract<Principal, { kind: K }> {
  const principal = c.get("principal");
  if (!kinds.includes(principal.kind as K)) throw new ApiError(ErrorCode.forbidden, `This needs a ${kinds.join(" or ")} sign-in.`);
  return principal as Extract<Principal, { kind: K }>;
}
