import { Hono } from "hono";
import { uuidv7 } from "uuidv7";
import { issueToken } from "../auth/token";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { AttemptLimiter } from "../http/rate-limit";
import { activeShopBySlug } from "./active-shop";

/** `POST /api/v1/shop/{slug}/session`: a shopper token scoped to the shop's public catalog. */
export function shopSessionRoutes(deps: AppDeps) {
  // A storefront asks once per device and keeps the token: 120 per 10 minutes from one address is plenty.
  const perAddress = new AttemptLimiter(deps.db, {
    name: "shop-session:address",
    max: 120,
    windowMs: 10 * 60_000,
    message: "Too many new shop sessions from here. Try again in {s} s.",
  });
  return new Hono<AppEnv>().post("/:slug/session", async (c) => {
    await perAddress.hit(clientAddress(c, deps.trustProxy));
    const tenant = await activeShopBySlug(deps, c.req.param("slug"));
    const token = await issueToken(deps.keys, { kind: "shopper", sessionId: uuidv7(), tenantId: tenant.id });
    return c.json({ token, tenantId: tenant.id, shop: { slug: tenant.slug, name: tenant.name } }, 201);
  });
}
