import type { Order } from "@countertop/sync-protocol";
import { createHash } from "node:crypto";
import { uuidv7 } from "uuidv7";
import type { CheckoutDraft } from "../db/schema";
import { withTenant, type TenantTx } from "../db/tenant-scope";
import { holdSeqCounter, writeDocumentSets } from "../documents/document.repository";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { failpoint } from "../http/failpoint";
import { orderMailJob } from "../orders/order-mail-job";
import { enqueue } from "../outbox/outbox.repository";
import { applyToLevels } from "../sync/push/stock";
import { levelIdOf, draftOrder } from "./checkout-draft";
import {
  claimCheckoutKey,
  countOrders,
  lockCheckout,
  markConfirmed,
  onHandOf,
  orderById,
  releaseCheckout,
  storeDraft,
  type CheckoutKey,
} from "./checkout.repository";
import type { CheckoutRequest } from "./checkout.schema";
import type { PaymentProvider, PaymentResult } from "./payment-provider";

/** How long a checkout holds its stock while the payment is taken, unless the server is told otherwise. */
export const DEFAULT_HOLD_MS = 15 * 60_000;

/** The order and whether it was made by this call or an earlier one with the same key. */
export interface PlacedOrder {
  readonly order: Order;
  readonly replayed: boolean;
}

/** The hash of a checkout request as sent, to tell a retry (same body) from a reused key (another body). */
export function checkoutRequestHash(request: CheckoutRequest): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

/** A checkout between its steps: placed already, or reserved and waiting for its payment. */
type Reserved = { readonly placed: Order } | { readonly draft: CheckoutDraft; readonly paymentKey: string };

/**
 * Step 1, in a short transaction: claims the caller's idempotency key (a double submit waits here
 * for the first), then — holding the shop's lock, so of two checkouts for the last unit exactly one
 * wins — prices the cart and holds its stock. The same key again finds the checkout it started: the
 * order if it was placed, else the reservation to carry on with (the first attempt may have died).
 */
async function reserve(
  trx: TenantTx,
  input: CheckoutInput & { providers: ReadonlySet<string> },
  key: CheckoutKey,
  holdMs: number,
): Promise<Reserved> {
  const { tenantId } = input;
  const orderId = uuidv7();
  const paymentKey = `${tenantId}:${createHash("sha256")
    .update(JSON.stringify([key.caller, key.key, key.requestHash]))
    .digest("hex")
    .slice(0, 32)}`;
  if (!(await claimCheckoutKey(trx, tenantId, key, { orderId, paymentKey, expiresAt: new Date(input.now.getTime() + holdMs) }))) {
    const earlier = await lockCheckout(trx, tenantId, key);
    if (!earlier) throw new ApiError(ErrorCode.conflict, "This checkout is being placed. Try again in a moment.");
    if (earlier.requestHash !== key.requestHash)
      throw new ApiError(
        ErrorCode.idempotency_key_reused,
        "This Idempotency-Key was already used for another checkout. Use a new key for a new checkout.",
      );
    if (earlier.state === "confirmed") {
      const order = await orderById(trx, tenantId, earlier.orderId);
      if (order) return { placed: order };
    }
    if (earlier.draft && earlier.paymentKey) return { draft: earlier.draft, paymentKey: earlier.paymentKey };
  }
  const storeCounter = await holdSeqCounter(trx, tenantId);
  const drafted = await draftOrder(trx, { ...input, orderId });
  const draft: CheckoutDraft = input.linkFor ? { ...drafted, link: input.linkFor(orderId) } : drafted;
  await storeDraft(trx, tenantId, key, draft);
  await storeCounter();
  return { draft, paymentKey };
}

/**
 * Step 2, outside any transaction (no till of the shop waits on the provider): authorizes with the
 * checkout's own idempotency key — so a retry, or the sweep after a crash, finds the same payment
 * instead of taking the money twice — and captures. Pay later takes nothing now.
 */
async function pay(provider: PaymentProvider, draft: CheckoutDraft, paymentKey: string, request: CheckoutRequest): Promise<PaymentResult> {
  const card = request.payment.provider === "test_card" ? request.payment.card : undefined;
  const authorization = await provider.authorize({
    amount: draft.order.total,
    currency: draft.order.currency,
    idempotencyKey: paymentKey,
    card,
  });
  if (authorization.status !== "authorized" || !authorization.reference) return authorization;
  failpoint("checkout:authorized");
  return provider.capture(authorization.reference);
}

/**
 * Step 3, in a short transaction holding the shop's lock: writes the order with its payment, its
 * `order` movements and their levels, and turns the reservation into the key's record. Confirming
 * twice (a retry racing the sweep) writes the order once.
 */
export async function confirmOrder(
  deps: Pick<AppDeps, "db" | "changes" | "outbox">,
  tenantId: string,
  key: CheckoutKey,
  draft: CheckoutDraft,
  payment: PaymentResult,
  now: Date,
): Promise<PlacedOrder> {
  return withTenant(deps.db, tenantId, async (trx) => {
    const storeCounter = await holdSeqCounter(trx, tenantId);
    const record = await lockCheckout(trx, tenantId, key);
    const earlier = record?.state === "confirmed" ? await orderById(trx, tenantId, record.orderId) : undefined;
    if (earlier) return { order: earlier, replayed: true };
    const order: Order = {
      ...draft.order,
      number: String(1001 + (await countOrders(trx, tenantId))),
      status: payment.status === "captured" ? "paid" : "pending_payment",
      payment: { ...draft.order.payment, status: payment.status, ...(payment.reference ? { reference: payment.reference } : {}) },
      updatedAt: now.toISOString(),
    };
    const onHand = await onHandOf(trx, tenantId, [...new Set(draft.movements.map(levelIdOf))]);
    await writeDocumentSets(trx, tenantId, [
      { table: "orders", docs: [order] },
      { table: "stock_movements", docs: draft.movements },
      { table: "stock_levels", docs: applyToLevels(draft.movements, onHand, now) },
    ]);
    await markConfirmed(trx, tenantId, key, order.id);
    // The confirmation email, sent once this commits — never for a checkout that rolled back.
    await enqueue(trx, tenantId, [orderMailJob(order.id, order.status, draft.link)]);
    await storeCounter();
    await deps.changes.announce(trx, tenantId, ["orders", "stock_movements", "stock_levels"]);
    return { order, replayed: false };
  }).then((placed) => {
    if (!placed.replayed) deps.outbox?.kick();
    return placed;
  });
}

/** What a checkout is asked with. */
export interface CheckoutInput {
  readonly tenantId: string;
  /** Whose idempotency key it is: the shopper's customer id, or their anonymous session's id. */
  readonly caller: string;
  readonly customerId?: string | undefined;
  readonly request: CheckoutRequest;
  readonly idempotencyKey: string;
  /** The guest's signed page of an order, by its id, for the confirmation email. */
  readonly linkFor?: ((orderId: string) => string) | undefined;
  readonly now: Date;
}

/**
 * Places a storefront order: reserve (short transaction), pay (no lock held), confirm (short
 * transaction). The cart is re-priced with `@countertop/domain`; the client's prices are never
 * trusted. A key belongs to its caller: another caller's same key is a checkout of its own, and the
 * caller's same key with another body is refused with 422. A declined card lets the reservation go
 * and answers 402 `payment_declined` (the same key may then be used with another card). A crash at
 * any step is recovered: by the shopper's retry with the same key, or by the sweep
 * ({@link sweepCheckouts}) once the hold runs out.
 */
export async function checkout(
  deps: Pick<AppDeps, "db" | "changes" | "payments" | "checkoutHoldMs" | "log" | "outbox">,
  input: CheckoutInput,
): Promise<PlacedOrder> {
  const { tenantId, request } = input;
  const key: CheckoutKey = { caller: input.caller, key: input.idempotencyKey, requestHash: checkoutRequestHash(request) };
  const providers = new Set(deps.payments.keys());
  const reserved = await withTenant(deps.db, tenantId, (trx) =>
    reserve(trx, { ...input, providers }, key, deps.checkoutHoldMs ?? DEFAULT_HOLD_MS),
  );
  if ("placed" in reserved) return { order: reserved.placed, replayed: true };
  failpoint("checkout:reserved");

  const provider = deps.payments.get(reserved.draft.order.payment.provider)!;
  const payment = await pay(provider, reserved.draft, reserved.paymentKey, request).catch((error: unknown) => {
    deps.log.error(`checkout: the payment provider failed: ${error instanceof Error ? error.message : String(error)}`);
    // The reservation stays: the same request again carries on with the same payment, or the sweep settles it.
    throw new ApiError(
      ErrorCode.unavailable,
      "The payment service did not answer. Nothing is lost: press Pay again to finish this order.",
      {
        reason: "provider_unavailable",
      },
    );
  });
  if (payment.status === "declined") {
    await withTenant(deps.db, tenantId, (trx) => releaseCheckout(trx, tenantId, key));
    throw new ApiError(ErrorCode.payment_declined, payment.message ?? "The payment was declined.", { reason: "payment_declined" });
  }
  failpoint("checkout:captured");
  const placed = await confirmOrder(deps, tenantId, key, reserved.draft, payment, new Date());
  failpoint("checkout:confirmed");
  return placed;
}
