import { DomainError, DomainErrorCode } from "../errors.ts";
import { minMinor, percentOf } from "../money/arithmetic.ts";
import type { RoundingMode } from "../money/rounding.ts";
import type { Minor } from "../units.ts";
import { FULL_RATE, isBasisPoints, isMinor } from "../units.ts";
import type { Discount } from "./types.ts";

/** A discount as a document carries it: plain numbers, checked and branded by {@link discountFromDocument}. */
export type DiscountDocument = { readonly type: "percent"; readonly value: number } | { readonly type: "fixed"; readonly value: number };

/**
 * A discount read from a document, checked: throws `invalid_discount` unless it is a valid percent or
 * fixed amount.
 *
 * @example
 * discountFromDocument({ type: "percent", value: 1500 }) // { type: "percent", value: 1500 as BasisPoints }
 */
export function discountFromDocument(doc: DiscountDocument): Discount {
  const discount = { type: doc.type, value: doc.value } as Discount;
  assertValidDiscount(discount);
  return discount;
}

/** Throws `invalid_discount` unless a percent is 0–10000 bp or a fixed amount is a non-negative integer. */
export function assertValidDiscount(discount: Discount): void {
  const ok =
    discount.type === "percent"
      ? isBasisPoints(discount.value) && discount.value <= FULL_RATE
      : isMinor(discount.value) && discount.value >= 0;
  if (!ok) throw new DomainError(DomainErrorCode.InvalidDiscount, `Invalid ${discount.type} discount: ${discount.value}`, { discount });
}

/**
 * The money a discount takes off `base`, never more than `base`.
 *
 * @example
 * discountAmount({ type: "percent", value: bp(1500) }, minor(1999), "half_up") // 300
 * discountAmount({ type: "fixed", value: minor(5000) }, minor(1999), "half_up") // 1999
 */
export function discountAmount(discount: Discount, base: Minor, rounding: RoundingMode): Minor {
  assertValidDiscount(discount);
  return discount.type === "percent" ? percentOf(base, discount.value, rounding) : minMinor(discount.value, base);
}
