import { bp, minor, normalizeCouponCode, priceCart, promotionFromDocument, qty, SALE_ROUNDING } from "@countertop/domain";
import type { Order, Promotion, StockMovement } from "@countertop/sync-protocol";
import { uuidv7 } from "uuidv7";
import type { CheckoutDraft } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";
import { readSettings } from "../documents/settings.repository";
import { ApiError, ErrorCode } from "../http/errors";
import { couponUses, livePromotions, onHandOf, reservedByCheckouts, sellableVariants } from "./checkout.repository";
import type { CheckoutRequest } from "./checkout.schema";

/** The stock level a movement counts against. */
export function levelIdOf(m: Pick<StockMovement, "locationId" | "variantId">): string {
  return `${m.locationId}:${m.variantId}`;
}

/**
 * Prices a storefront cart with the shop's rules and checks the shelf, in the caller's transaction
 * (which holds the shop's lock): the catalog's prices, live promotions and the coupon — never the
 * client's prices — and every stock-tracked line must be there now, less what other checkouts hold
 * while they take their payment. Answers the order to write (number, status and payment are set
 * when it is confirmed) and its `order` movements. Throws the shopper's error: 409 `sold_out` /
 * `unavailable`, 400 for a shipping option, address, coupon or payment method the shop lacks.
 */
export async function draftOrder(
  trx: TenantTx,
  input: {
    tenantId: string;
    orderId: string;
    customerId?: string | undefined;
    request: CheckoutRequest;
    providers: ReadonlySet<string>;
    now: Date;
  },
): Promise<CheckoutDraft> {
  const { tenantId, orderId, request, now } = input;
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
  if (!input.providers.has(request.payment.provider)) throw new ApiError(ErrorCode.bad_request, "Choose a payment method the shop offers.");

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
  if (request.couponCode) await holdCouponToItsLimit(trx, tenantId, request.couponCode, promotionDocs, now);
  const shippingTotal = option.freeOver !== undefined && priced.subtotal - priced.discountTotal >= option.freeOver ? 0 : option.amount;

  const iso = now.toISOString();
  const tracked = new Set(request.lines.filter((l) => variants.get(l.variantId)!.trackStock).map((l) => l.variantId));
  const movements: StockMovement[] = priced.lines
    .filter((l) => tracked.has(l.variantId))
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
  await checkShelf(trx, tenantId, movements, (variantId) => lines.find((l) => l.variantId === variantId)?.name ?? variantId, now);

  const order: Order = {
    id: orderId,
    number: "",
    email: request.email.toLowerCase(),
    ...(input.customerId ? { customerId: input.customerId } : {}),
    status: "pending_payment",
    currency: settings.currency,
    taxMode: settings.taxMode,
    lines: priced.lines.map((l) => ({ ...l })),
    subtotal: priced.subtotal,
    discountTotal: priced.discountTotal,
    shippingTotal,
    taxTotal: priced.taxTotal,
    total: priced.total + shippingTotal,
    shipping: {
      optionId: option.id,
      kind: option.kind,
      amount: shippingTotal,
      ...(option.kind === "pickup" ? { locationId } : {}),
      ...(request.address ? { address: request.address } : {}),
    },
    payment: { provider: request.payment.provider, status: "pending" },
    ...(request.couponCode ? { couponCode: request.couponCode } : {}),
    createdAt: iso,
    updatedAt: iso,
    _deleted: false,
  };
  return { order, movements };
}

/**
 * A coupon with a usage limit takes no more orders once it has been used that many times (see
 * {@link couponUses}); the shop's lock, held by the caller, keeps two checkouts from taking its last use.
 */
async function holdCouponToItsLimit(
  trx: TenantTx,
  tenantId: string,
  couponCode: string,
  promotions: readonly Promotion[],
  now: Date,
): Promise<void> {
  const code = normalizeCouponCode(couponCode);
  const limits = promotions.flatMap((p) =>
    p.active && p.usageLimit !== undefined && p.code !== undefined && normalizeCouponCode(p.code) === code ? [p.usageLimit] : [],
  );
  if (limits.length === 0) return;
  const limit = Math.min(...limits);
  if ((await couponUses(trx, tenantId, code, now)) >= limit)
    throw new ApiError(ErrorCode.conflict, `The code "${couponCode}" has been used up. Remove it to place the order.`, {
      reason: "coupon_used_up",
    });
}

/** Orders never oversell: every movement's units must be on the shelf, less what other checkouts hold. */
async function checkShelf(
  trx: TenantTx,
  tenantId: string,
  movements: readonly StockMovement[],
  nameOf: (variantId: string) => string,
  now: Date,
): Promise<void> {
  const wanted = new Map<string, { variantId: string; units: number }>();
  for (const m of movements) {
    const id = levelIdOf(m);
    wanted.set(id, { variantId: m.variantId, units: (wanted.get(id)?.units ?? 0) - m.delta });
  }
  const onHand = await onHandOf(trx, tenantId, [...wanted.keys()]);
  const held = await reservedByCheckouts(trx, tenantId, now);
  const short = [...wanted]
    .map(([id, w]) => ({ variantId: w.variantId, units: w.units, available: (onHand.get(id) ?? 0) - (held.get(id) ?? 0) }))
    .filter((s) => s.available < s.units)
    .map((s) => ({ variantId: s.variantId, available: Math.max(0, s.available) }));
  if (short.length > 0) {
    throw new ApiError(
      ErrorCode.conflict,
      `Sold out: ${short.map((s) => nameOf(s.variantId)).join(", ")}. Your cart is kept; change it and try again.`,
      {
        reason: "sold_out",
        items: short,
      },
    );
  }
}
