import type { Order, Product, Promotion } from "@countertop/sync-protocol";
import { sql, type Kysely } from "kysely";
import type { CheckoutDraft, Database } from "../db/schema";
import { asWorker, type TenantTx } from "../db/tenant-scope";

/** A checkout's idempotency key: whose it is, the key, and the hash of the request it was first used with. */
export interface CheckoutKey {
  readonly caller: string;
  readonly key: string;
  readonly requestHash: string;
}

/** What is kept under a caller's idempotency key: the reservation while paying, then the order's id. */
export interface CheckoutRecord {
  readonly orderId: string;
  readonly requestHash: string | null;
  readonly state: "reserved" | "confirmed";
  readonly draft: CheckoutDraft | null;
  readonly paymentKey: string | null;
}

/**
 * Claims a caller's idempotency key for a new checkout, as a reservation until `expiresAt`.
 * Answers `false` when the caller already took it — after waiting for the transaction that took
 * it, so a double submit sees the first checkout.
 */
export async function claimCheckoutKey(
  trx: TenantTx,
  tenantId: string,
  key: CheckoutKey,
  claim: { orderId: string; paymentKey: string; expiresAt: Date },
): Promise<boolean> {
  const taken = await trx
    .insertInto("checkout_requests")
    .values({
      tenant_id: tenantId,
      caller: key.caller,
      idempotency_key: key.key,
      request_hash: key.requestHash,
      order_id: claim.orderId,
      state: "reserved",
      payment_key: claim.paymentKey,
      expires_at: claim.expiresAt,
    })
    .onConflict((oc) => oc.doNothing())
    .returning("order_id")
    .executeTakeFirst();
  return taken !== undefined;
}

/** The checkout kept under a caller's key, locked until the transaction ends; undefined if there is none. */
export async function lockCheckout(
  trx: TenantTx,
  tenantId: string,
  key: Pick<CheckoutKey, "caller" | "key">,
): Promise<CheckoutRecord | undefined> {
  const row = await trx
    .selectFrom("checkout_requests")
    .select(["order_id", "request_hash", "state", "draft", "payment_key"])
    .where("tenant_id", "=", tenantId)
    .where("caller", "=", key.caller)
    .where("idempotency_key", "=", key.key)
    .forUpdate()
    .executeTakeFirst();
  return row && { orderId: row.order_id, requestHash: row.request_hash, state: row.state, draft: row.draft, paymentKey: row.payment_key };
}

/** Keeps the priced order of a reserved checkout: its movements are what the reservation holds. */
export async function storeDraft(trx: TenantTx, tenantId: string, key: CheckoutKey, draft: CheckoutDraft): Promise<void> {
  await trx
    .updateTable("checkout_requests")
    .set({ draft: JSON.stringify(draft) })
    .where("tenant_id", "=", tenantId)
    .where("caller", "=", key.caller)
    .where("idempotency_key", "=", key.key)
    .execute();
}

/**
 * Records a checkout's order as written: the reservation becomes the record the key answers with
 * from now on (written anew if a sweep released the reservation while the payment was taken).
 */
export async function markConfirmed(trx: TenantTx, tenantId: string, key: CheckoutKey, orderId: string): Promise<void> {
  await trx
    .insertInto("checkout_requests")
    .values({
      tenant_id: tenantId,
      caller: key.caller,
      idempotency_key: key.key,
      request_hash: key.requestHash,
      order_id: orderId,
      state: "confirmed",
    })
    .onConflict((oc) =>
      oc
        .columns(["tenant_id", "caller", "idempotency_key"])
        .doUpdateSet({ state: "confirmed", draft: null, expires_at: null, order_id: orderId }),
    )
    .execute();
}

/** Lets a reservation go (the payment was declined, or never made): its stock is free and its key unused. */
export async function releaseCheckout(trx: TenantTx, tenantId: string, key: Pick<CheckoutKey, "caller" | "key">): Promise<void> {
  await trx
    .deleteFrom("checkout_requests")
    .where("tenant_id", "=", tenantId)
    .where("caller", "=", key.caller)
    .where("idempotency_key", "=", key.key)
    .where("state", "=", "reserved")
    .execute();
}

/** Units that reserved checkouts hold per stock level while they take their payment (expired ones hold nothing). */
export async function reservedByCheckouts(trx: TenantTx, tenantId: string, now: Date): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom("checkout_requests")
    .select("draft")
    .where("tenant_id", "=", tenantId)
    .where("state", "=", "reserved")
    .where("expires_at", ">", now)
    .execute();
  const held = new Map<string, number>();
  for (const m of rows.flatMap((r) => r.draft?.movements ?? [])) {
    const id = `${m.locationId}:${m.variantId}`;
    held.set(id, (held.get(id) ?? 0) - m.delta);
  }
  return held;
}

/** An expired reservation of any shop, for the sweep. */
export interface ExpiredReservation {
  readonly tenantId: string;
  readonly key: CheckoutKey;
  readonly draft: CheckoutDraft | null;
  readonly paymentKey: string | null;
}

/** Reservations whose hold ran out before they were confirmed, in every shop (read as the worker role). */
export async function expiredReservations(db: Kysely<Database>, now: Date, limit: number): Promise<ExpiredReservation[]> {
  const rows = await asWorker(db, (trx) =>
    trx
      .selectFrom("checkout_requests")
      .select(["tenant_id", "caller", "idempotency_key", "request_hash", "draft", "payment_key"])
      .where("state", "=", "reserved")
      .where("expires_at", "<=", now)
      .orderBy("expires_at")
      .limit(limit)
      .execute(),
  );
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    key: { caller: r.caller, key: r.idempotency_key, requestHash: r.request_hash ?? "" },
    draft: r.draft,
    paymentKey: r.payment_key,
  }));
}

/** The order of a confirmed checkout. */
export async function orderById(trx: TenantTx, tenantId: string, orderId: string): Promise<Order | undefined> {
  const row = await trx.selectFrom("orders").select("doc").where("tenant_id", "=", tenantId).where("id", "=", orderId).executeTakeFirst();
  return row?.doc;
}

/** A sellable variant with the product it belongs to. */
export interface SellableVariant {
  readonly variantId: string;
  readonly trackStock: boolean;
  readonly product: Product;
}

/** The variants of active, not deleted products among `variantIds`, by variant id. */
export async function sellableVariants(
  trx: TenantTx,
  tenantId: string,
  variantIds: readonly string[],
): Promise<Map<string, SellableVariant>> {
  if (variantIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom("product_variants")
    .innerJoin("products", (j) =>
      j.onRef("products.tenant_id", "=", "product_variants.tenant_id").onRef("products.id", "=", "product_variants.product_id"),
    )
    .select(["product_variants.variant_id", "product_variants.track_stock", "products.doc"])
    .where("product_variants.tenant_id", "=", tenantId)
    .where("product_variants.variant_id", "in", variantIds)
    .where("products.deleted", "=", false)
    .execute();
  return new Map(
    rows
      .filter((r) => r.doc.status === "active")
      .map((r) => [r.variant_id, { variantId: r.variant_id, trackStock: r.track_stock, product: r.doc }]),
  );
}

/** The shop's promotions that are not deleted. */
export async function livePromotions(trx: TenantTx, tenantId: string): Promise<Promotion[]> {
  const rows = await trx.selectFrom("promotions").select("doc").where("tenant_id", "=", tenantId).where("deleted", "=", false).execute();
  return rows.map((r) => r.doc);
}

/** On-hand units of the given stock levels (absent = no level yet). */
export async function onHandOf(trx: TenantTx, tenantId: string, levelIds: readonly string[]): Promise<Map<string, number>> {
  if (levelIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom("stock_levels")
    .select(["id", "on_hand"])
    .where("tenant_id", "=", tenantId)
    .where("id", "in", levelIds)
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.on_hand)]));
}

/** How many orders the shop has (the next order number follows it). */
export async function countOrders(trx: TenantTx, tenantId: string): Promise<number> {
  const row = await trx
    .selectFrom("orders")
    .select(sql<string>`count(*)`.as("n"))
    .where("tenant_id", "=", tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * How many uses of a coupon code (`code` upper-case) the shop has given: its orders that were not
 * cancelled or refunded (a pay-later order holds its use), and the checkouts still holding their
 * reservation while they take a payment.
 */
export async function couponUses(trx: TenantTx, tenantId: string, code: string, now: Date): Promise<number> {
  const orders = await trx
    .selectFrom("orders")
    .select(sql<string>`count(*)`.as("n"))
    .where("tenant_id", "=", tenantId)
    .where(sql<boolean>`doc->>'couponCode' IS NOT NULL AND upper(doc->>'couponCode') = ${code}`)
    .where("status", "not in", ["cancelled", "refunded"])
    .executeTakeFirstOrThrow();
  const held = await trx
    .selectFrom("checkout_requests")
    .select(sql<string>`count(*)`.as("n"))
    .where("tenant_id", "=", tenantId)
    .where("state", "=", "reserved")
    .where("expires_at", ">", now)
    .where(sql<boolean>`upper(draft->'order'->>'couponCode') = ${code}`)
    .executeTakeFirstOrThrow();
  return Number(orders.n) + Number(held.n);
}
