import { bp, isDomainError, minor, priceCart, promotionFromDocument, qty, SALE_ROUNDING, type PromotionDocument } from "@countertop/domain";
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { uuidv7 } from "uuidv7";
import type { StoredDoc } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";
import { holdSeqCounter, writeDocumentSets } from "../documents/document.repository";
import { ApiError, ApiErrorCode } from "../http/errors";
import { applyToLevels } from "../sync/push-effects";
import type { CheckoutRequest } from "./checkout.schema";
import type { PaymentProvider } from "./payment-provider";

interface Variant {
  readonly variant_id: string;
  readonly product_id: string;
  readonly track_stock: boolean;
  readonly doc: StoredDoc;
}

/** The order and whether it was made by this call or an earlier one with the same key. */
export interface PlacedOrder {
  readonly order: StoredDoc;
  readonly replayed: boolean;
}

/**
 * Places a storefront order in the caller's transaction: the idempotency key first (a double
 * submit waits here for the first and then gets its order), then the shop's lock, so stock is
 * checked and reserved atomically — of two checkouts for the last unit exactly one wins. The
 * cart is re-priced with `@countertop/domain`; the client's prices are never trusted.
 */
export async function placeOrder(
  trx: TenantTx,
  input: {
    tenantId: string;
    customerId?: string | undefined;
    request: CheckoutRequest;
    idempotencyKey: string;
    providers: ReadonlyMap<string, PaymentProvider>;
    now: Date;
  },
): Promise<PlacedOrder> {
  const { tenantId, request, now } = input;
  const orderId = uuidv7();
  const taken = await trx
    .insertInto("checkout_requests")
    .values({ tenant_id: tenantId, idempotency_key: input.idempotencyKey, order_id: orderId })
    .onConflict((oc) => oc.doNothing())
    .returning("order_id")
    .executeTakeFirst();
  if (!taken) {
    const earlier = await trx
      .selectFrom("checkout_requests")
      .innerJoin("orders", (j) =>
        j.onRef("orders.tenant_id", "=", "checkout_requests.tenant_id").onRef("orders.id", "=", "checkout_requests.order_id"),
      )
      .select("orders.doc")
      .where("checkout_requests.tenant_id", "=", tenantId)
      .where("checkout_requests.idempotency_key", "=", input.idempotencyKey)
      .executeTakeFirstOrThrow();
    return { order: earlier.doc, replayed: true };
  }

  const storeCounter = await holdSeqCounter(trx, tenantId);
  const settings = (await trx.selectFrom("settings").select("doc").where("tenant_id", "=", tenantId).executeTakeFirstOrThrow()).doc;
  const variantIds = [...new Set(request.lines.map((l) => l.variantId))];
  const variants = new Map(
    (
      await trx
        .selectFrom("product_variants")
        .innerJoin("products", (j) =>
          j.onRef("products.tenant_id", "=", "product_variants.tenant_id").onRef("products.id", "=", "product_variants.product_id"),
        )
        .select(["product_variants.variant_id", "product_variants.product_id", "product_variants.track_stock", "products.doc"])
        .where("product_variants.tenant_id", "=", tenantId)
        .where("product_variants.variant_id", "in", variantIds)
        .where("products.deleted", "=", false)
        .execute()
    )
      .filter((v: Variant) => v.doc.status === "active")
      .map((v: Variant) => [v.variant_id, v]),
  );
  const missing = variantIds.filter((id) => !variants.has(id));
  if (missing.length > 0)
    throw new ApiError(409, ApiErrorCode.Conflict, "Some items are no longer sold. Remove them from the cart and try again.", {
      reason: "unavailable",
      variantIds: missing,
    });

  const option = (
    settings.shippingOptions as { id: string; kind: "flat" | "free" | "pickup"; amount: number; freeOver?: number; locationId?: string }[]
  ).find((o) => o.id === request.shippingOptionId);
  if (!option) throw new ApiError(400, ApiErrorCode.BadRequest, "Choose one of the shop's shipping options.");
  if (option.kind !== "pickup" && !request.address) throw new ApiError(400, ApiErrorCode.BadRequest, "Enter a delivery address.");
  const locationId = option.locationId ?? (settings.locations as { id: string }[])[0]?.id;
  if (!locationId) throw new ApiError(409, ApiErrorCode.Conflict, "This shop has no location to sell from yet.");

  // Re-price with the shop's rules: catalog prices, live promotions, the coupon.
  const taxRates = new Map((settings.taxRates as { id: string; rate: number }[]).map((r) => [r.id, r.rate]));
  const promotionDocs = (
    await trx.selectFrom("promotions").select("doc").where("tenant_id", "=", tenantId).where("deleted", "=", false).execute()
  ).map((r) => r.doc as unknown as PromotionDocument);
  const lines = request.lines.map((l) => {
    const v = variants.get(l.variantId)!;
    const variant = (v.doc.variants as { id: string; sku: string; title: string; price: number }[]).find((x) => x.id === l.variantId)!;
    const many = (v.doc.variants as unknown[]).length > 1;
    return {
      id: uuidv7(),
      variantId: l.variantId,
      sku: variant.sku,
      name: (many ? `${String(v.doc.name)} — ${variant.title}` : String(v.doc.name)).slice(0, 200),
      qty: qty(l.qty),
      unitPrice: minor(variant.price),
      taxRate: bp(taxRates.get(String(v.doc.taxRateId)) ?? 0),
      ...(typeof v.doc.categoryId === "string" ? { categoryId: v.doc.categoryId } : {}),
    };
  });
  let priced;
  try {
    priced = priceCart({
      lines,
      taxMode: settings.taxMode as "inclusive" | "exclusive",
      rounding: SALE_ROUNDING,
      now,
      promotions: promotionDocs.filter((p) => p.active).map(promotionFromDocument),
      couponCodes: request.couponCode ? [request.couponCode] : [],
    });
  } catch (error) {
    if (isDomainError(error)) throw new ApiError(400, ApiErrorCode.BadRequest, `The cart can't be priced: ${error.message}`);
    throw error;
  }
  if (priced.unmatchedCouponCodes.length > 0)
    throw new ApiError(400, ApiErrorCode.BadRequest, `The code "${request.couponCode}" is not valid now.`, { reason: "unknown_coupon" });
  const shippingTotal = option.freeOver !== undefined && priced.subtotal - priced.discountTotal >= option.freeOver ? 0 : option.amount;
  const total = priced.total + shippingTotal;

  // Reserve: every stock-tracked line must be on the shelf now. Orders never oversell.
  const wanted = new Map<string, number>();
  for (const l of request.lines)
    if (variants.get(l.variantId)!.track_stock) wanted.set(l.variantId, (wanted.get(l.variantId) ?? 0) + l.qty);
  const levelIds = [...wanted.keys()].map((v) => `${locationId}:${v}`);
  const onHand = new Map(
    levelIds.length === 0
      ? []
      : (
          await trx
            .selectFrom("stock_levels")
            .select(["id", "on_hand"])
            .where("tenant_id", "=", tenantId)
            .where("id", "in", levelIds)
            .execute()
        ).map((r) => [r.id, Number(r.on_hand)]),
  );
  const short = [...wanted]
    .filter(([v, n]) => (onHand.get(`${locationId}:${v}`) ?? 0) < n)
    .map(([v]) => ({ variantId: v, available: Math.max(0, onHand.get(`${locationId}:${v}`) ?? 0) }));
  if (short.length > 0) {
    const names = short.map((s) => lines.find((l) => l.variantId === s.variantId)?.name ?? s.variantId).join(", ");
    throw new ApiError(409, ApiErrorCode.Conflict, `Sold out: ${names}. Your cart is kept; change it and try again.`, {
      reason: "sold_out",
      items: short,
    });
  }

  const provider = input.providers.get(request.payment.provider);
  if (!provider) throw new ApiError(400, ApiErrorCode.BadRequest, "Choose a payment method the shop offers.");
  const card = request.payment.provider === "test_card" ? request.payment.card : undefined;
  // The same checkout retried is the same payment attempt; the same key with another card (after a
  // decline, whose transaction left no key behind) is a new one.
  const attempt = createHash("sha256")
    .update(JSON.stringify([input.idempotencyKey, card?.number ?? "", total]))
    .digest("hex")
    .slice(0, 32);
  const authorization = await provider.authorize({
    amount: total,
    currency: String(settings.currency),
    idempotencyKey: `${tenantId}:${attempt}`,
    card,
  });
  if (authorization.status === "declined")
    throw new ApiError(402, ApiErrorCode.BadRequest, authorization.message ?? "The payment was declined.", { reason: "payment_declined" });
  const payment =
    authorization.status === "authorized" && authorization.reference ? await provider.capture(authorization.reference) : authorization;

  const count = await trx
    .selectFrom("orders")
    .select(sql<string>`count(*)`.as("n"))
    .where("tenant_id", "=", tenantId)
    .executeTakeFirstOrThrow();
  const iso = now.toISOString();
  const order: StoredDoc = {
    id: orderId,
    number: String(1001 + Number(count.n)),
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
  const movements: StoredDoc[] = priced.lines
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
  return { order, replayed: false };
}
