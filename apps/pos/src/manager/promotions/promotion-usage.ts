import { couponKey, type PromotionFact } from "@countertop/domain";
import type { Promotion } from "@countertop/sync-protocol";

/** How often a promotion was used (in the days the report store keeps) and the discounts on those sales and orders. */
export interface PromotionUsage {
  readonly uses: number;
  readonly discounts: number;
}

/**
 * The use of each promotion from the report store's facts: till sales that applied it (refunds
 * take a use back) and online orders that carried its coupon code, with the discounts given on them.
 */
export function promotionUsage(promotions: readonly Promotion[], facts: readonly PromotionFact[]): Map<string, PromotionUsage> {
  const byKey = new Map<string, { uses: number; discounts: number }>();
  for (const fact of facts) {
    const sum = byKey.get(fact.key) ?? { uses: 0, discounts: 0 };
    sum.uses += fact.uses;
    sum.discounts += fact.discounts;
    byKey.set(fact.key, sum);
  }
  return new Map(
    promotions.map((p) => {
      const own = byKey.get(p.id);
      const coupon = p.code ? byKey.get(couponKey(p.code)) : undefined;
      return [p.id, { uses: (own?.uses ?? 0) + (coupon?.uses ?? 0), discounts: (own?.discounts ?? 0) + (coupon?.discounts ?? 0) }];
    }),
  );
}
