import { Hono } from "hono";
import { uuidv7 } from "uuidv7";
import { issueToken } from "../auth/token";
import { asPlatformReader } from "../db/tenant-scope";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ApiErrorCode } from "../http/errors";

/** Finds an active shop by slug for anonymous callers; 404 for unknown and suspended alike. */
export async function activeShopBySlug(deps: Pick<AppDeps, "db">, slug: string) {
  const tenant = /^[a-z0-9][a-z0-9-]{1,40}$/.test(slug)
    ? await asPlatformReader(deps.db, (trx) =>
        trx.selectFrom("tenants").select(["id", "slug", "name", "status"]).where("slug", "=", slug).executeTakeFirst(),
      )
    : undefined;
  if (!tenant || tenant.status !== "active") throw new ApiError(404, ApiErrorCode.NotFound, `There is no shop at "${slug}".`);
  return tenant;
}

/** `POST /api/v1/shop/{slug}/session`: a shopper token scoped to the shop's public catalog. */
export function shopSessionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post("/:slug/session", async (c) => {
    const tenant = await activeShopBySlug(deps, c.req.param("slug"));
    const token = await issueToken(deps.jwtSecret, { kind: "shopper", sessionId: uuidv7(), tenantId: tenant.id });
    return c.json({ token, tenantId: tenant.id, shop: { slug: tenant.slug, name: tenant.name } }, 201);
  });
}
