import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { activeShopBySlug } from "./active-shop";
import { readShopSnapshot } from "./shop-snapshot.repository";

/** A search longer than this is no shopper's. */
const MAX_QUERY_CHARS = 200;
/** Category ids are UUIDs; anything much longer is not one. */
const MAX_CATEGORY_CHARS = 64;

/**
 * `GET /api/v1/shop/{slug}/catalog?category=…&q=…`: the shop's snapshot with the products matching
 * a category and search ({@link readShopSnapshot}), for a storefront painted from a page whose
 * snapshot held only the first products of a large catalog, while its replica is still syncing.
 * Public, as the shop's pages are.
 */
export function shopCatalogRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/:slug/catalog", async (c) => {
    const q = c.req.query("q");
    const category = c.req.query("category");
    if (q !== undefined && q.length > MAX_QUERY_CHARS)
      throw new ApiError(ErrorCode.bad_request, `A search may be at most ${MAX_QUERY_CHARS} characters.`);
    if (category !== undefined && category.length > MAX_CATEGORY_CHARS)
      throw new ApiError(ErrorCode.bad_request, "There is no such category.");
    const shop = await activeShopBySlug(deps, c.req.param("slug"));
    const snapshot = await readShopSnapshot(deps.db, shop.id, { category, q });
    if (!snapshot) throw new ApiError(ErrorCode.not_found, `${shop.name} has no catalog yet.`);
    return c.json(snapshot);
  });
}
