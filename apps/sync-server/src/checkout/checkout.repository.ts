import type { Order, Product, Promotion } from "@countertop/sync-protocol";
import { sql } from "kysely";
import type { TenantTx } from "../db/tenant-scope";

/** A checkout's idempotency key: whose it is, the key, and the hash of the request it was first used with. */
export interface CheckoutKey {
  readonly caller: string;
  readonly key: string;
  readonly requestHash: string;
}

/**
 * Claims a caller's idempotency key for a new order. Answers `false` when the caller already took
 * it — after waiting for the transaction that took it, so a double submit sees the first order.
 */
export async function claimCheckoutKey(trx: TenantTx, tenantId: string, key: CheckoutKey, orderId: string): Promise<boolean> {
  const taken = await trx
    .insertInto("checkout_requests")
    .values({ tenant_id: tenantId, caller: key.caller, idempotency_key: key.key, request_hash: key.requestHash, order_id: orderId })
    .onConflict((oc) => oc.doNothing())
    .returning("order_id")
    .executeTakeFirst();
  return taken !== undefined;
}

/** The order an earlier checkout of the caller with this key made, and the hash of its request. */
export async function earlierCheckout(
  trx: TenantTx,
  tenantId: string,
  key: CheckoutKey,
): Promise<{ order: Order; requestHash: string | null }> {
  const earlier = await trx
    .selectFrom("checkout_requests")
    .innerJoin("orders", (j) =>
      j.onRef("orders.tenant_id", "=", "checkout_requests.tenant_id").onRef("orders.id", "=", "checkout_requests.order_id"),
    )
    .select(["orders.doc", "checkout_requests.request_hash"])
    .where("checkout_requests.tenant_id", "=", tenantId)
    .where("checkout_requests.caller", "=", key.caller)
    .where("checkout_requests.idempotency_key", "=", key.key)
    .executeTakeFirstOrThrow();
  return { order: earlier.doc, requestHash: earlier.request_hash };
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
