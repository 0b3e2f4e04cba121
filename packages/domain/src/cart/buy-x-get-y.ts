import { percentOf } from "../money/arithmetic.ts";
import { mulQty } from "../money/arithmetic.ts";
import type { RoundingMode } from "../money/rounding.ts";
import type { Minor, Qty } from "../units.ts";
import { qty } from "../units.ts";
import type { BuyXGetYPromotion } from "./types.ts";

/** A cart line as buy-X-get-Y sees it: which units are still free to take part in a deal. */
export interface BxgyLine {
  readonly variantId: string;
  readonly categoryId?: string;
  readonly unitPrice: Minor;
  /** Units not yet used by an earlier buy-X-get-Y promotion. */
  readonly availableQty: Qty;
}

/** Per line: the discount given and how many units the deal used (bought + discounted). */
export interface BxgyResult {
  readonly discounts: readonly Minor[];
  readonly usedQty: readonly Qty[];
}

/** True when the promotion's scope (variants or category) covers the line. */
export function bxgyCovers(promotion: BuyXGetYPromotion, line: Pick<BxgyLine, "variantId" | "categoryId">): boolean {
  if (promotion.variantIds?.includes(line.variantId)) return true;
  return promotion.categoryId !== undefined && line.categoryId === promotion.categoryId;
}

/**
 * Applies one buy-X-get-Y over the covered units taken together. With `n` units there are
 * `floor(n / (X + Y))` deals; the most expensive `deals × X` units are the ones bought and the
 * cheapest `deals × Y` are discounted, so the shop never gives away its dearest items. The units
 * used are reported so a later buy-X-get-Y cannot count them again. Discounts are per line,
 * `round(freeUnits × unitPrice × percent / 10000)`, before any cap by the caller.
 *
 * @example
 * // buy 2 get 1 free over three lines at 500, 300, 200: the 200 unit is free
 * applyBuyXGetY(promo, lines, "half_up").discounts // [0, 0, 200]
 */
export function applyBuyXGetY(promotion: BuyXGetYPromotion, lines: readonly BxgyLine[], rounding: RoundingMode): BxgyResult {
  const covered = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.availableQty > 0 && bxgyCovers(promotion, line))
    .sort((a, b) => b.line.unitPrice - a.line.unitPrice || a.index - b.index);
  const units = covered.reduce((n, { line }) => n + line.availableQty, 0);
  const deals = Math.floor(units / (promotion.buyQty + promotion.getQty));
  const used = lines.map(() => 0);
  const free = lines.map(() => 0);
  let toBuy = deals * promotion.buyQty;
  for (const { line, index } of covered) {
    if (toBuy === 0) break;
    const take = Math.min(toBuy, line.availableQty);
    used[index] = (used[index] ?? 0) + take;
    toBuy -= take;
  }
  let toDiscount = deals * promotion.getQty;
  for (const { line, index } of [...covered].reverse()) {
    if (toDiscount === 0) break;
    const take = Math.min(toDiscount, line.availableQty - (used[index] ?? 0));
    used[index] = (used[index] ?? 0) + take;
    free[index] = take;
    toDiscount -= take;
  }
  return {
    discounts: lines.map((line, i) => percentOf(mulQty(line.unitPrice, qty(free[i] ?? 0)), promotion.percent, rounding)),
    usedQty: used.map((n) => qty(n)),
  };
}
