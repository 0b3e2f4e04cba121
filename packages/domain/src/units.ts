import { DomainError, DomainErrorCode } from "./errors.ts";

/** An integer amount of money in the currency's minor unit (cents, pence, yen, fils). */
export type Minor = number & { readonly __brand: "Minor" };

/** A rate in basis points: 10000 = 100 %, 2000 = 20 %, 825 = 8.25 %. Never negative. */
export type BasisPoints = number & { readonly __brand: "BasisPoints" };

/** An integer count of units. Signed, so a stock movement can carry −3; lines require > 0. */
export type Qty = number & { readonly __brand: "Qty" };

/** 100 % in basis points. */
export const FULL_RATE = 10_000 as BasisPoints;

/** True when `n` can be used as {@link Minor}: a safe integer (either sign). */
export function isMinor(n: unknown): n is Minor {
  return Number.isSafeInteger(n);
}

/** True when `n` can be used as {@link BasisPoints}: a non-negative safe integer. */
export function isBasisPoints(n: unknown): n is BasisPoints {
  return Number.isSafeInteger(n) && (n as number) >= 0;
}

/** True when `n` can be used as {@link Qty}: a safe integer (either sign). */
export function isQty(n: unknown): n is Qty {
  return Number.isSafeInteger(n);
}

/**
 * Brands `n` as minor units, refusing fractions, NaN and anything beyond 2^53.
 *
 * @example
 * minor(1999)   // 19.99 in a 2-decimal currency
 * minor(19.99)  // throws DomainError invalid_amount: floats are not money
 */
export function minor(n: number): Minor {
  if (!isMinor(n)) throw new DomainError(DomainErrorCode.InvalidAmount, `Not an integer amount of minor units: ${n}`, { value: n });
  return (n === 0 ? 0 : n) as Minor; // no −0: it breaks Object.is equality after a negation
}

/** Brands `n` as non-negative minor units (prices, tendered cash, payment amounts). */
export function nonNegativeMinor(n: number): Minor {
  const value = minor(n);
  if (value < 0) throw new DomainError(DomainErrorCode.InvalidAmount, `Amount must not be negative: ${n}`, { value: n });
  return value;
}

/**
 * Brands `n` as basis points (an integer ≥ 0).
 *
 * @example
 * bp(2000) // 20 %
 */
export function bp(n: number): BasisPoints {
  if (!isBasisPoints(n))
    throw new DomainError(DomainErrorCode.InvalidRate, `Not a non-negative integer rate in basis points: ${n}`, { value: n });
  return n;
}

/** Brands `n` as a percentage in basis points, 0 to 10000 inclusive (discounts cannot exceed 100 %). */
export function percentBp(n: number): BasisPoints {
  const value = bp(n);
  if (value > FULL_RATE) throw new DomainError(DomainErrorCode.InvalidRate, `Percentage above 100 %: ${n} bp`, { value: n });
  return value;
}

/** Brands `n` as a signed integer quantity. */
export function qty(n: number): Qty {
  if (!isQty(n)) throw new DomainError(DomainErrorCode.InvalidQuantity, `Not an integer quantity: ${n}`, { value: n });
  return (n === 0 ? 0 : n) as Qty; // no −0
}

/** Brands `n` as a quantity of at least 1, as every sale and refund line requires. */
export function positiveQty(n: number): Qty {
  const value = qty(n);
  if (value < 1) throw new DomainError(DomainErrorCode.InvalidQuantity, `Quantity must be at least 1: ${n}`, { value: n });
  return value;
}
