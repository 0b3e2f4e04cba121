import { Hono } from "hono";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ApiErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { activeShopBySlug } from "../shop/session.routes";
import { checkoutRequestSchema } from "./checkout.schema";
import { placeOrder } from "./checkout.service";
import { payLaterProvider, testCardProvider, type PaymentProvider } from "./payment-provider";

const KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/** The payment providers a shop can use; more are one adapter each. */
export function defaultPaymentProviders(): ReadonlyMap<string, PaymentProvider> {
  const testCard = testCardProvider();
  return new Map([
    [payLaterProvider.id, payLaterProvider],
    [testCard.id, testCard],
  ]);
}

/**
 * `POST /api/v1/shop/{slug}/checkout` with `Idempotency-Key`: a shopper's cart becomes an order.
 * 201 `{ order }`; the same key again answers 200 with the same order. 409 `conflict` with
 * `details.reason` `sold_out` (the cart is untouched) or `unavailable`; 402 when the card is declined.
 */
export function checkoutRoutes(deps: AppDeps) {
  const providers = deps.payments ?? defaultPaymentProviders();
  return new Hono<AppEnv>().post("/:slug/checkout", requireAuth(deps, ["shopper"]), async (c) => {
    const principal = callerAs(c, "shopper");
    const tenant = await activeShopBySlug(deps, c.req.param("slug"));
    if (tenant.id !== principal.tenantId) throw new ApiError(403, ApiErrorCode.Forbidden, "This session belongs to another shop.");
    const idempotencyKey = c.req.header("idempotency-key") ?? "";
    if (!KEY.test(idempotencyKey))
      throw new ApiError(
        400,
        ApiErrorCode.BadRequest,
        "Send an Idempotency-Key header (8–200 letters, digits, _ . : -), the same for retries of one checkout.",
      );
    const request = await jsonBody(c, checkoutRequestSchema);
    const placed = await withTenant(deps.db, tenant.id, async (trx) => {
      const result = await placeOrder(trx, {
        tenantId: tenant.id,
        customerId: principal.customerId,
        request,
        idempotencyKey,
        providers,
        now: new Date(),
      });
      if (!result.replayed) await deps.changes.announce(trx, tenant.id, ["orders", "stock_movements", "stock_levels"]);
      return result;
    });
    return c.json({ order: placed.order, replayed: placed.replayed }, placed.replayed ? 200 : 201);
  });
}
