import { DomainError, DomainErrorCode } from "../errors.ts";
import { allocateLargestRemainder } from "../money/allocate.ts";
import { minMinor, mulQty, percentOf, sumMinor } from "../money/arithmetic.ts";
import { taxLine } from "../tax/tax.ts";
import type { Minor, Qty } from "../units.ts";
import { bp, minor, nonNegativeMinor, positiveQty, qty } from "../units.ts";
import { applyBuyXGetY } from "./buy-x-get-y.ts";
import { discountAmount } from "./discount.ts";
import { assertValidPromotion, livePromotions, normalizeCouponCode } from "./promotions.ts";
import { documentTotals } from "./totals.ts";
import type { AppliedPromotion, CartLineInput, PriceCartInput, PricedCart, PricedLine, Promotion } from "./types.ts";

function checkLines(lines: readonly CartLineInput[]): void {
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.id)) throw new DomainError(DomainErrorCode.DuplicateLine, `Duplicate cart line id ${line.id}`, { lineId: line.id });
    seen.add(line.id);
    positiveQty(line.qty);
    nonNegativeMinor(line.unitPrice);
    bp(line.taxRate);
  }
}

/**
 * Prices a cart: the one function the till, the storefront checkout and the server's re-check all run.
 *
 * Per line, in this order, each step working on what the previous left and never below zero:
 * 1. amount = qty × unitPrice; 2. the manual line discount; 3. live buy-X-get-Y, then
 * category-percent promotions; 4. cart level: order-percent, then order-fixed promotions, then the
 * staff cart discount — each computed once on the cart's remaining amount and allocated across
 * lines by largest remainder in proportion to their remaining amounts (so they sum exactly and no
 * line goes negative); 5. tax per line with `rounding`. Totals are sums of the rounded lines.
 *
 * @example
 * priceCart({
 *   lines: [{ id: "l1", variantId: "v1", sku: "TEE", name: "Tee", qty: qty(1), unitPrice: minor(1000), taxRate: bp(2000) }],
 *   taxMode: "inclusive", rounding: "half_up", now: new Date(),
 * }).lines[0] // { ..., discount: 0, tax: 167, total: 1000 }
 */
export function priceCart(input: PriceCartInput): PricedCart {
  const { lines, rounding, now } = input;
  const codes = input.couponCodes ?? [];
  const promotions = input.promotions ?? [];
  checkLines(lines);
  promotions.forEach(assertValidPromotion);

  const gross = lines.map((l) => mulQty(l.unitPrice, l.qty));
  const subtotal = sumMinor(gross);
  const remaining: Minor[] = lines.map((l, i) => {
    const amount = gross[i] ?? minor(0);
    return l.manualDiscount ? minor(amount - discountAmount(l.manualDiscount, amount, rounding)) : amount;
  });
  const applied: AppliedPromotion[] = [];
  const record = (promotion: Promotion, amounts: readonly Minor[]) => {
    const amount = sumMinor(amounts);
    if (amount > 0) applied.push({ promotionId: promotion.id, name: promotion.name, type: promotion.type, amount });
  };
  const takeOffLines = (wanted: readonly Minor[]): Minor[] =>
    wanted.map((w, i) => {
      const left = remaining[i] ?? minor(0);
      const taken = minMinor(w, left);
      remaining[i] = minor(left - taken);
      return taken;
    });
  const allocateOffCart = (amount: Minor): Minor[] =>
    takeOffLines(allocateLargestRemainder(minMinor(amount, sumMinor(remaining)), remaining));

  const bxgyUsed: Qty[] = lines.map(() => qty(0));
  const live = livePromotions(promotions, now, codes);
  for (const promotion of live) {
    switch (promotion.type) {
      case "buy_x_get_y": {
        const view = lines.map((l, i) => ({ ...l, availableQty: qty(l.qty - (bxgyUsed[i] ?? 0)) }));
        const result = applyBuyXGetY(promotion, view, rounding);
        result.usedQty.forEach((u, i) => (bxgyUsed[i] = qty((bxgyUsed[i] ?? 0) + u)));
        record(promotion, takeOffLines(result.discounts));
        break;
      }
      case "category_percent":
        record(
          promotion,
          takeOffLines(
            lines.map((l, i) =>
              l.categoryId === promotion.categoryId ? percentOf(remaining[i] ?? minor(0), promotion.percent, rounding) : minor(0),
            ),
          ),
        );
        break;
      case "order_percent":
      case "order_fixed": {
        if (promotion.minSubtotal !== undefined && subtotal < promotion.minSubtotal) break;
        const base = sumMinor(remaining);
        const amount = promotion.type === "order_percent" ? percentOf(base, promotion.percent, rounding) : promotion.amount;
        record(promotion, allocateOffCart(amount));
        break;
      }
    }
  }
  const cartDiscountAmount = input.cartDiscount
    ? sumMinor(allocateOffCart(discountAmount(input.cartDiscount, sumMinor(remaining), rounding)))
    : minor(0);

  const priced: PricedLine[] = lines.map((l, i) => {
    const amount = remaining[i] ?? minor(0);
    const taxed = taxLine(amount, l.taxRate, input.taxMode, rounding);
    return {
      id: l.id,
      variantId: l.variantId,
      sku: l.sku,
      name: l.name,
      qty: l.qty,
      unitPrice: l.unitPrice,
      discount: minor((gross[i] ?? 0) - amount),
      taxRate: l.taxRate,
      tax: taxed.tax,
      total: taxed.total,
    };
  });
  const matched = new Set(live.flatMap((p) => (p.code === undefined ? [] : [normalizeCouponCode(p.code)])));
  return {
    taxMode: input.taxMode,
    lines: priced,
    ...documentTotals(priced),
    appliedPromotions: applied,
    cartDiscountAmount,
    unmatchedCouponCodes: codes.filter((c) => !matched.has(normalizeCouponCode(c))),
  };
}
