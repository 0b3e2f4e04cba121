import { Hono } from "hono";
import { withTenant } from "../db/tenant-scope";
import { findDocument } from "../documents/document-lookup";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { activeShopBySlug } from "../shop/active-shop";
import { isOrderLinkKey } from "./order-link";

/**
 * `GET /api/v1/shop/{slug}/orders/{id}?key=…`: one order, for whoever holds its signed link (a
 * guest has no account to replicate it with). 404 alike for an unknown order and a wrong key.
 */
export function orderRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/:slug/orders/:id", async (c) => {
    const tenant = await activeShopBySlug(deps, c.req.param("slug"));
    const id = c.req.param("id");
    const key = c.req.query("key") ?? "";
    const notFound = new ApiError(
      ErrorCode.not_found,
      "There is no such order, or the link is not complete. Open the link from your email.",
    );
    if (id.length > 200 || key.length > 100 || !isOrderLinkKey(deps.keys.accepted(), tenant.id, id, key)) throw notFound;
    const order = await withTenant(deps.db, tenant.id, (trx) => findDocument(trx, tenant.id, "orders", id));
    if (!order || order._deleted) throw notFound;
    c.header("Cache-Control", "no-store");
    return c.json({ order });
  });
}
