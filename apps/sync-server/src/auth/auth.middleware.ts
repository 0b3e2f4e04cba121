import type { Context, MiddlewareHandler } from "hono";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ApiErrorCode } from "../http/errors";
import { readToken, type Principal, type PrincipalKind } from "./token";

/** The bearer token of a request, or a 401 that says what is missing. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) throw new ApiError(401, ApiErrorCode.Unauthorized, "Sign in first: send Authorization: Bearer <token>.");
  return match[1];
}

/**
 * Throws unless a tenant's caller may still act: the tenant active and, for a till, its device
 * not revoked. Checked per request (and per stream heartbeat), never cached.
 */
export async function assertInGoodStanding(deps: Pick<AppDeps, "db">, principal: Principal): Promise<void> {
  if (principal.kind === "owner") return;
  const state = await withTenant(deps.db, principal.tenantId, async (trx) => {
    const tenant = await trx.selectFrom("tenants").select("status").where("id", "=", principal.tenantId).executeTakeFirst();
    const device =
      principal.kind === "device"
        ? await trx
            .selectFrom("devices")
            .select("revoked_at")
            .where("tenant_id", "=", principal.tenantId)
            .where("id", "=", principal.deviceId)
            .executeTakeFirst()
        : undefined;
    return { tenant, device };
  });
  if (!state.tenant) throw new ApiError(401, ApiErrorCode.Unauthorized, "This shop no longer exists.");
  if (state.tenant.status !== "active") {
    throw new ApiError(403, ApiErrorCode.TenantSuspended, "This shop's account is suspended. Contact the platform owner.");
  }
  if (principal.kind === "device" && (!state.device || state.device.revoked_at !== null)) {
    throw new ApiError(401, ApiErrorCode.Unauthorized, "This till's registration was revoked. A manager must register it again.");
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
      throw new ApiError(403, ApiErrorCode.Forbidden, `This needs a ${kinds.join(" or ")} sign-in.`);
    }
    await assertInGoodStanding(deps, principal);
    c.set("principal", principal);
    await next();
  };
}

/** The authenticated caller, narrowed to the kinds a route allows (after `requireAuth`). */
export function callerAs<K extends PrincipalKind>(c: Context<AppEnv>, ...kinds: K[]): Extract<Principal, { kind: K }> {
  const principal = c.get("principal");
  if (!kinds.includes(principal.kind as K)) throw new ApiError(403, ApiErrorCode.Forbidden, `This needs a ${kinds.join(" or ")} sign-in.`);
  return principal as Extract<Principal, { kind: K }>;
}
