import { Hono } from "hono";
import { uuidv7 } from "uuidv7";
import { issueToken } from "../auth/token";
import type { AppDeps, AppEnv } from "../http/app-env";
import { activeShopBySlug } from "./active-shop";

/** `POST /api/v1/shop/{slug}/session`: a shopper token scoped to the shop's public catalog. */
export function shopSessionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post("/:slug/session", async (c) => {
    const tenant = await activeShopBySlug(deps, c.req.param("slug"));
    const token = await issueToken(deps.jwtSecret, { kind: "shopper", sessionId: uuidv7(), tenantId: tenant.id });
    return c.json({ token, tenantId: tenant.id, shop: { slug: tenant.slug, name: tenant.name } }, 201);
  });
}
