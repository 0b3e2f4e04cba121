import type { Order, Promotion, Sale } from "@countertop/sync-protocol";

/** How often a promotion was used (in the till's window of sales, and online orders) and the discounts on those sales. */
export interface PromotionUsage {
  readonly uses: number;
  readonly discounts: number;
}

/**
 * The use of each promotion: till sales that applied it (refunds take a use back) and online
 * orders that carried its coupon code; the discounts given on them.
 */
export function promotionUsage(
  promotions: readonly Promotion[],
  sales: readonly Sale[],
  orders: readonly Order[],
): Map<string, PromotionUsage> {
  const usage = new Map<string, { uses: number; discounts: number }>(promotions.map((p) => [p.id, { uses: 0, discounts: 0 }]));
  for (const sale of sales) {
    for (const id of sale.promotionIds) {
      const entry = usage.get(id);
      if (!entry) continue;
      entry.uses += sale.kind === "refund" ? -1 : 1;
      entry.discounts += sale.kind === "refund" ? -Math.abs(sale.discountTotal) : sale.discountTotal;
    }
  }
  const byCode = new Map(promotions.filter((p) => p.code).map((p) => [p.code!.toUpperCase(), p.id]));
  for (const order of orders) {
    const id = order.couponCode ? byCode.get(order.couponCode.toUpperCase()) : undefined;
    const entry = id ? usage.get(id) : undefined;
    if (!entry || order.status === "cancelled" || order.status === "pending_payment") continue;
    entry.uses += 1;
    entry.discounts += order.discountTotal;
  }
  return usage;
}
