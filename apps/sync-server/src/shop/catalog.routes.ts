import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { queryOf } from "../http/params";
import { activeShopBySlug } from "./active-shop";
import { readShopSnapshot } from "./shop-snapshot.repository";

/** `?category=…&q=…`: a search longer than 200 characters is no shopper's, and category ids are UUIDs. */
export const shopCatalogQuerySchema = z.object({
  category: z.string().max(64, "There is no such category.").optional(),
  q: z.string().max(200, "A search may be at most 200 characters.").optional(),
});

/**
 * `GET /api/v1/shop/{slug}/catalog?category=…&q=…`: the shop's snapshot with only the products
 * matching a category and search ({@link readShopSnapshot} `matchesOnly`), for a storefront painted
 * from a page whose snapshot held only the first products of a large catalog, or whose replica is
 * still on its first sync.
 * Public, as the shop's pages are.
 */
export function shopCatalogRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/:slug/catalog", async (c) => {
    const { category, q } = queryOf(c, shopCatalogQuerySchema);
    const shop = await activeShopBySlug(deps, c.req.param("slug"));
    const snapshot = await readShopSnapshot(deps.db, shop.id, { category, q, matchesOnly: true });
    if (!snapshot) throw new ApiError(ErrorCode.not_found, `${shop.name} has no catalog yet.`);
    return c.json(snapshot);
  });
}
