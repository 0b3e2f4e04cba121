import { DomainError, DomainErrorCode } from "../errors.ts";
import { FULL_RATE, isBasisPoints, isMinor, isQty } from "../units.ts";
import type { Promotion } from "./types.ts";

/** Normalizes a coupon code for comparison: trimmed, upper-case. */
export function normalizeCouponCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Throws `invalid_promotion` when a promotion cannot be applied as configured (a percent over
 * 100 %, a negative amount, a buy-X-get-Y with no X, Y or scope). Check on save, not only at the till.
 */
export function assertValidPromotion(promotion: Promotion): void {
  const fail = (why: string): never => {
    throw new DomainError(DomainErrorCode.InvalidPromotion, `Promotion ${promotion.id}: ${why}`, { promotionId: promotion.id });
  };
  const percentOk = (p: number) => isBasisPoints(p) && p <= FULL_RATE;
  const amountOk = (a: number | undefined) => a === undefined || (isMinor(a) && a >= 0);
  switch (promotion.type) {
    case "order_percent":
      if (!percentOk(promotion.percent)) fail("percent must be 0–10000 bp");
      if (!amountOk(promotion.minSubtotal)) fail("minSubtotal must be a non-negative integer");
      break;
    case "order_fixed":
      if (!amountOk(promotion.amount)) fail("amount must be a non-negative integer");
      if (!amountOk(promotion.minSubtotal)) fail("minSubtotal must be a non-negative integer");
      break;
    case "category_percent":
      if (!percentOk(promotion.percent)) fail("percent must be 0–10000 bp");
      break;
    case "buy_x_get_y":
      if (!percentOk(promotion.percent)) fail("percent must be 0–10000 bp");
      if (!isQty(promotion.buyQty) || promotion.buyQty < 1) fail("buyQty must be at least 1");
      if (!isQty(promotion.getQty) || promotion.getQty < 1) fail("getQty must be at least 1");
      if (!promotion.variantIds?.length && promotion.categoryId === undefined) fail("needs variantIds or a categoryId");
      break;
  }
}

/**
 * True when the promotion is switched on, `now` is inside `[startsAt, endsAt)`, and its coupon
 * code (if any) was entered. An unparsable date keeps the promotion off rather than on.
 */
export function isPromotionLive(promotion: Promotion, now: Date, couponCodes: readonly string[] = []): boolean {
  if (!promotion.active) return false;
  const t = now.getTime();
  if (promotion.startsAt !== undefined && !(Date.parse(promotion.startsAt) <= t)) return false;
  if (promotion.endsAt !== undefined && !(t < Date.parse(promotion.endsAt))) return false;
  if (promotion.code === undefined) return true;
  const wanted = normalizeCouponCode(promotion.code);
  return couponCodes.some((c) => normalizeCouponCode(c) === wanted);
}

/**
 * The live promotions in the order the pricing engine applies them: buy-X-get-Y, then category
 * percentages (line level), then order percentages, then order fixed amounts (cart level); list
 * order within a type. Each step works on what the previous steps left.
 */
export function livePromotions(promotions: readonly Promotion[], now: Date, couponCodes: readonly string[] = []): Promotion[] {
  const rank: Readonly<Record<Promotion["type"], number>> = { buy_x_get_y: 0, category_percent: 1, order_percent: 2, order_fixed: 3 };
  return promotions
    .map((promotion, index) => ({ promotion, index }))
    .filter(({ promotion }) => isPromotionLive(promotion, now, couponCodes))
    .sort((a, b) => rank[a.promotion.type] - rank[b.promotion.type] || a.index - b.index)
    .map(({ promotion }) => promotion);
}
