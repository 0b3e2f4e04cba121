import type { RoundingMode } from "../money/rounding.ts";
import type { TaxMode } from "../tax/tax.ts";
import type { BasisPoints, Minor, Qty } from "../units.ts";

/** A discount typed in by staff: a percentage in basis points, or a fixed amount in minor units. */
export type Discount = { readonly type: "percent"; readonly value: BasisPoints } | { readonly type: "fixed"; readonly value: Minor };

/** One line of a cart before pricing. `unitPrice` is inclusive or exclusive of tax per the cart's tax mode. */
export interface CartLineInput {
  readonly id: string;
  readonly variantId: string;
  readonly sku: string;
  readonly name: string;
  readonly qty: Qty;
  readonly unitPrice: Minor;
  readonly taxRate: BasisPoints;
  readonly categoryId?: string;
  /** Off this line's whole amount (`fixed` is for the line, not per unit). */
  readonly manualDiscount?: Discount;
}

/**
 * THE SALE LINE CONTRACT, as on the wire (`sales.lines[]`):
 * - `unitPrice`: the listed unit price (tax-inclusive or exclusive per the tax mode);
 * - `discount`: all discount on the line (manual + promotions + its share of cart discounts);
 * - `taxRate` (bp) and `tax`: tax contained in (inclusive) or added to (exclusive) the line;
 * - `total`: what the customer pays for the line, tax included.
 *
 * inclusive: `total = qty × unitPrice − discount`, `tax = round(total × rate / (10000 + rate))`;
 * exclusive: `net = qty × unitPrice − discount`, `tax = round(net × rate / 10000)`, `total = net + tax`.
 */
export interface PricedLine {
  readonly id: string;
  readonly variantId: string;
  readonly sku: string;
  readonly name: string;
  readonly qty: Qty;
  readonly unitPrice: Minor;
  readonly discount: Minor;
  readonly taxRate: BasisPoints;
  readonly tax: Minor;
  readonly total: Minor;
}

/** Document totals, each exactly the sum over the lines. */
export interface DocumentTotals {
  /** Σ qty × unitPrice (list prices, before discounts). */
  readonly subtotal: Minor;
  readonly discountTotal: Minor;
  readonly taxTotal: Minor;
  /** Σ line.total: what the customer pays. */
  readonly total: Minor;
}

/** Fields every promotion has. A promotion with a `code` applies only when that coupon is entered. */
export interface PromotionBase {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  /** ISO-8601; the promotion applies from this instant (inclusive). */
  readonly startsAt?: string;
  /** ISO-8601; the promotion stops applying at this instant (exclusive). */
  readonly endsAt?: string;
  /** Coupon code, matched case-insensitively after trimming. */
  readonly code?: string;
}

/** A percentage off the whole order, if its subtotal reaches `minSubtotal`. */
export interface OrderPercentPromotion extends PromotionBase {
  readonly type: "order_percent";
  readonly percent: BasisPoints;
  /** Compared with the document subtotal (Σ qty × unitPrice). */
  readonly minSubtotal?: Minor;
}

/** A fixed amount off the whole order (never more than the order), if its subtotal reaches `minSubtotal`. */
export interface OrderFixedPromotion extends PromotionBase {
  readonly type: "order_fixed";
  readonly amount: Minor;
  /** Compared with the document subtotal (Σ qty × unitPrice). */
  readonly minSubtotal?: Minor;
}

/** A percentage off every line of one category. */
export interface CategoryPercentPromotion extends PromotionBase {
  readonly type: "category_percent";
  readonly categoryId: string;
  readonly percent: BasisPoints;
}

/**
 * Buy `buyQty`, get `getQty` at `percent` off (10000 = free), over the units of the listed
 * variants and/or the category taken together; the cheapest units are the discounted ones.
 */
export interface BuyXGetYPromotion extends PromotionBase {
  readonly type: "buy_x_get_y";
  readonly buyQty: Qty;
  readonly getQty: Qty;
  readonly percent: BasisPoints;
  readonly variantIds?: readonly string[];
  readonly categoryId?: string;
}

/** Any promotion the pricing engine understands. */
export type Promotion = OrderPercentPromotion | OrderFixedPromotion | CategoryPercentPromotion | BuyXGetYPromotion;

/** What {@link priceCart} needs. `now` decides which promotions are live; it is never read from a clock here. */
export interface PriceCartInput {
  readonly lines: readonly CartLineInput[];
  readonly taxMode: TaxMode;
  /** Used for percentage discounts and per-line tax. */
  readonly rounding: RoundingMode;
  readonly now: Date;
  readonly cartDiscount?: Discount;
  readonly promotions?: readonly Promotion[];
  readonly couponCodes?: readonly string[];
}

/** A promotion that took money off this cart, and how much in total. */
export interface AppliedPromotion {
  readonly promotionId: string;
  readonly name: string;
  readonly type: Promotion["type"];
  readonly amount: Minor;
}

/** The result of {@link priceCart}: wire-shaped lines, their totals, and why the discounts are what they are. */
export interface PricedCart extends DocumentTotals {
  readonly taxMode: TaxMode;
  readonly lines: readonly PricedLine[];
  readonly appliedPromotions: readonly AppliedPromotion[];
  /** The staff cart discount actually given (after promotions, capped at what was left). */
  readonly cartDiscountAmount: Minor;
  /** Entered codes that matched no live promotion, for an "unknown code" message. */
  readonly unmatchedCouponCodes: readonly string[];
}
