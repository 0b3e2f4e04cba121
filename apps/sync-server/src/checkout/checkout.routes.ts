import { Hono } from "hono";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { assertModule } from "../plans/plan-limits";
import { orderLink, orderLinkKey } from "../orders/order-link";
import { activeShopBySlug } from "../shop/active-shop";
import { shopBase } from "../shop/shop-base";
import { checkoutRequestSchema } from "./checkout.schema";
import { checkout } from "./checkout.service";

const KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/**
 * `POST /api/v1/shop/{slug}/checkout` with `Idempotency-Key`: a shopper's cart becomes an order.
 * 201 `{ order, link }` (`link`: the order's page, signed, for a guest to follow it); the same key
 * again answers 200 with the same order. 409 `conflict` with `details.reason` `sold_out` (the cart
 * is untouched) or `unavailable`; 402 when the card is declined; 403 `module_disabled` when the
 * shop's plan has online orders switched off.
 */
export function checkoutRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post("/:slug/checkout", requireAuth(deps, ["shopper"]), async (c) => {
    const principal = callerAs(c, "shopper");
    const tenant = await activeShopBySlug(deps, c.req.param("slug"));
    if (tenant.id !== principal.tenantId) throw new ApiError(ErrorCode.forbidden, "This session belongs to another shop.");
    await assertModule(deps, tenant.id, "online_orders");
    const idempotencyKey = c.req.header("idempotency-key") ?? "";
    if (!KEY.test(idempotencyKey))
      throw new ApiError(
        ErrorCode.bad_request,
        "Send an Idempotency-Key header (8–200 letters, digits, _ . : -), the same for retries of one checkout.",
      );
    const request = await jsonBody(c, checkoutRequestSchema);
    const base = await shopBase(deps, c, tenant);
    // A guest follows the order by this link (no account needed); it is in the confirmation email too.
    const linkFor = (orderId: string) => orderLink(base, orderId, orderLinkKey(deps.keys.current(), tenant.id, orderId));
    const placed = await checkout(deps, {
      tenantId: tenant.id,
      caller: principal.customerId ?? principal.sessionId,
      customerId: principal.customerId,
      request,
      idempotencyKey,
      linkFor,
      now: new Date(),
    });
    const link = linkFor(placed.order.id);
    return c.json({ order: placed.order, replayed: placed.replayed, link }, placed.replayed ? 200 : 201);
  });
}
