import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../http/app-env";
import { activeShopBySlug } from "./active-shop";
import { shopManifest } from "./manifest";

/** `GET /shop/{slug}/manifest.webmanifest`: the shop's manifest on the platform's host. */
export function shopManifestRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/:slug/manifest.webmanifest", async (c) => {
    const tenant = await activeShopBySlug(deps, c.req.param("slug"));
    return shopManifest(deps, tenant, `/shop/${tenant.slug}/`);
  });
}
