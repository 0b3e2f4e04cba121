import { bp, minor, priceCart, promotionFromDocument, qty, SALE_ROUNDING } from "@countertop/domain";
import type { Order, StockMovement } from "@countertop/sync-protocol";
import { createHash } from "node:crypto";
import { uuidv7 } from "uuidv7";
import { withTenant, type TenantTx } from "../db/tenant-scope";
import { holdSeqCounter, writeDocumentSets } from "../documents/document.repository";
import { readSettings } from "../documents/settings.repository";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { queueOrderEmail } from "../orders/order-email.repository";
import { applyToLevels } from "../sync/push/stock";
import {
  claimCheckoutKey,
  countOrders,
  earlierCheckout,
  livePromotions,
  onHandOf,
  sellableVariants,
  type CheckoutKey,
} from "./checkout.repository";
import type { CheckoutRequest } from "./checkout.schema";
import { deliverOrderEmailsQuietly } from "../orders/order-email.service";
import type { PaymentProvider } from "./payment-provider";

/** The order and whether it was made by this call or an earlier one with the same key. */
export interface PlacedOrder {
  readonly order: Order;
  readonly replayed: boolean;
}

/** The hash of a checkout request as sent, to tell a retry (same body) from a reused key (another body). */
export function checkoutRequestHash(request: CheckoutRequest): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

/**
 * Places a storefront order in the caller's transaction: the idempotency key first (a double
 * submit waits here for the first and then gets its order), then the shop's lock, so stock is
 * checked and reserved atomically — of two checkouts for the last unit exactly one wins. The
 * cart is re-priced with `@countertop/domain`; the client's prices are never trusted. A key
 * belongs to its caller (the shopper's account, or their session): another caller's same key is a
 * checkout of its own, and the caller's same key with another body is refused with 422.
 */
export async function placeOrder(
  trx: TenantTx,
  input: {
    tenantId: string;
    /** Whose idempotency key it is: the shopper's customer id, or their anonymous session's id. */
    caller: string;
    customerId?: string | undefined;
    request: CheckoutRequest;
    idempotencyKey: string;
    providers: ReadonlyMap<string, PaymentProvider>;
    /** The guest's signed link to a new order, for its confirmation email. */
    linkFor?: ((orderId: string) => string) | undefined;
    now: Date;
  },
): Promise<PlacedOrder> {
  const { tenantId, request, now } = input;
  const orderId = uuidv7();
  const key: CheckoutKey = { caller: input.caller, key: input.idempotencyKey, requestHash: checkoutRequestHash(request) };
  if (!(await claimCheckoutKey(trx, tenantId, key, orderId))) {
    const earlier = await earlierCheckout(trx, tenantId, key);
    if (earlier.requestHash !== key.requestHash) {
      throw new ApiError(
        ErrorCode.idempotency_key_reused,
        "This Idempotency-Key was already used for another checkout. Use a new key for a new checkout.",
      );
    }
    return { order: earlier.order, replayed: true };
  }

  const storeCounter = await holdSeqCounter(trx, tenantId);
  const settings = await readSettings(trx);
  const variantIds = [...new Set(request.lines.map((l) => l.variantId))];
  const variants = await sellableVariants(trx, tenantId, variantIds);
  const missing = variantIds.filter((id) => !variants.has(id));
  if (missing.length > 0)
    throw new ApiError(ErrorCode.conflict, "Some items are no longer sold. Remove them from the cart and try again.", {
      reason: "unavailable",
      variantIds: missing,
    });

  const option = settings.shippingOptions.find((o) => o.id === request.shippingOptionId);
  if (!option) throw new ApiError(ErrorCode.bad_request, "Choose one of the shop's shipping options.");
  if (option.kind !== "pickup" && !request.address) throw new ApiError(ErrorCode.bad_request, "Enter a delivery address.");
  const locationId = option.locationId ?? settings.locations[0]?.id;
  if (!locationId) throw new ApiError(ErrorCode.conflict, "This shop has no location to sell from yet.");

  // Re-price with the shop's rules: catalog prices, live promotions, the coupon.
  const taxRates = new Map(settings.taxRates.map((r) => [r.id, r.rate]));
  const promotionDocs = await livePromotions(trx, tenantId);
  const lines = request.lines.map((l) => {
    const { product } = variants.get(l.variantId)!;
    const variant = product.variants.find((x) => x.id === l.variantId)!;
    const many = product.variants.length > 1;
    return {
      id: uuidv7(),
      variantId: l.variantId,
      sku: variant.sku,
      name: (many ? `${product.name} — ${variant.title}` : product.name).slice(0, 200),
      qty: qty(l.qty),
      unitPrice: minor(variant.price),
      taxRate: bp(taxRates.get(product.taxRateId) ?? 0),
      ...(product.categoryId !== undefined ? { categoryId: product.categoryId } : {}),
    };
  });
  // A commerce rule that refuses the cart is the shopper's to fix: the error handler answers 400 with its code.
  const priced = priceCart({
    lines,
    taxMode: settings.taxMode,
    rounding: SALE_ROUNDING,
    now,
    promotions: promotionDocs.filter((p) => p.active).map(promotionFromDocument),
    couponCodes: request.couponCode ? [request.couponCode] : [],
  });
  if (priced.unmatchedCouponCodes.length > 0)
    throw new ApiError(ErrorCode.bad_request, `The code "${request.couponCode}" is not valid now.`, { reason: "unknown_coupon" });
  const shippingTotal = option.freeOver !== undefined && priced.subtotal - priced.discountTotal >= option.freeOver ? 0 : option.amount;
  const total = priced.total + shippingTotal;

  // Reserve: every stock-tracked line must be on the shelf now. Orders never oversell.
  const wanted = new Map<string, number>();
  for (const l of request.lines) if (variants.get(l.variantId)!.trackStock) wanted.set(l.variantId, (wanted.get(l.variantId) ?? 0) + l.qty);
  const levelIds = [...wanted.keys()].map((v) => `${locationId}:${v}`);
  const onHand = await onHandOf(trx, tenantId, levelIds);
  const short = [...wanted]
    .filter(([v, n]) => (onHand.get(`${locationId}:${v}`) ?? 0) < n)
    .map(([v]) => ({ variantId: v, available: Math.max(0, onHand.get(`${locationId}:${v}`) ?? 0) }));
  if (short.length > 0) {
    const names = short.map((s) => lines.find((l) => l.variantId === s.variantId)?.name ?? s.variantId).join(", ");
    throw new ApiError(ErrorCode.conflict, `Sold out: ${names}. Your cart is kept; change it and try again.`, {
      reason: "sold_out",
      items: short,
    });
  }

  const provider = input.providers.get(request.payment.provider);
  if (!provider) throw new ApiError(ErrorCode.bad_request, "Choose a payment method the shop offers.");
  const card = request.payment.provider === "test_card" ? request.payment.card : undefined;
  // The same checkout retried is the same payment attempt; the same key with another card (after a
  // decline, whose transaction left no key behind) is a new one.
  const attempt = createHash("sha256")
    .update(JSON.stringify([input.caller, input.idempotencyKey, card?.number ?? "", total]))
    .digest("hex")
    .slice(0, 32);
  const authorization = await provider.authorize({
    amount: total,
    currency: settings.currency,
    idempotencyKey: `${tenantId}:${attempt}`,
    card,
  });
  if (authorization.status === "declined")
    throw new ApiError(ErrorCode.payment_declined, authorization.message ?? "The payment was declined.", { reason: "payment_declined" });
  const payment =
    authorization.status === "authorized" && authorization.reference ? await provider.capture(authorization.reference) : authorization;

  const count = await countOrders(trx, tenantId);
  const iso = now.toISOString();
  const order: Order = {
    id: orderId,
    number: String(1001 + count),
    email: request.email.toLowerCase(),
    ...(input.customerId ? { customerId: input.customerId } : {}),
    status: payment.status === "captured" ? "paid" : "pending_payment",
    currency: settings.currency,
    taxMode: settings.taxMode,
    lines: priced.lines.map((l) => ({ ...l })),
    subtotal: priced.subtotal,
    discountTotal: priced.discountTotal,
    shippingTotal,
    taxTotal: priced.taxTotal,
    total,
    shipping: {
      optionId: option.id,
      kind: option.kind,
      amount: shippingTotal,
      ...(option.kind === "pickup" ? { locationId } : {}),
      ...(request.address ? { address: request.address } : {}),
    },
    payment: { provider: provider.id, status: payment.status, ...(payment.reference ? { reference: payment.reference } : {}) },
    ...(request.couponCode ? { couponCode: request.couponCode } : {}),
    createdAt: iso,
    updatedAt: iso,
    _deleted: false,
  };
  const movements: StockMovement[] = priced.lines
    .filter((l) => wanted.has(l.variantId))
    .map((l) => ({
      id: `${orderId}:${l.id}`,
      locationId,
      variantId: l.variantId,
      delta: -l.qty,
      reason: "order",
      refId: orderId,
      occurredAt: iso,
      _deleted: false,
    }));
  await writeDocumentSets(trx, tenantId, [
    { table: "orders", docs: [order] },
    { table: "stock_movements", docs: movements },
    { table: "stock_levels", docs: applyToLevels(movements, onHand, now) },
  ]);
  await storeCounter();
  // The confirmation goes out once this commits (deliverOrderEmails), never for a checkout that rolled back.
  await queueOrderEmail(trx, tenantId, order, input.linkFor?.(order.id));
  return { order, replayed: false };
}

/**
 * {@link placeOrder} in its own tenant transaction, announcing the new order and stock on commit;
 * then the confirmation email goes out (a failed email stays queued; the order stands).
 */
export async function checkout(
  deps: Pick<AppDeps, "db" | "changes" | "payments" | "mail" | "log">,
  input: Omit<Parameters<typeof placeOrder>[1], "providers">,
): Promise<PlacedOrder> {
  const result = await withTenant(deps.db, input.tenantId, async (trx) => {
    const placed = await placeOrder(trx, { ...input, providers: deps.payments });
    if (!placed.replayed) await deps.changes.announce(trx, input.tenantId, ["orders", "stock_movements", "stock_levels"]);
    return placed;
  });
  if (!result.replayed) await deliverOrderEmailsQuietly(deps, input.tenantId);
  return result;
}
