import type { BasisPoints, Minor, Qty } from "../units.ts";
import { FULL_RATE, minor } from "../units.ts";
import { divRound, type RoundingMode } from "./rounding.ts";

/** `a + b`, checked to stay a safe integer. */
export function addMinor(a: Minor, b: Minor): Minor {
  return minor(a + b);
}

/** `a − b`, checked to stay a safe integer. */
export function subMinor(a: Minor, b: Minor): Minor {
  return minor(a - b);
}

/** The sum of `amounts` (0 for none), checked to stay a safe integer. */
export function sumMinor(amounts: readonly Minor[]): Minor {
  let total = 0;
  for (const a of amounts) total = minor(total + a);
  return minor(total);
}

/** The sum of `pick(item)` over `items`: `sumBy(lines, (l) => l.tax)`. */
export function sumBy<T>(items: readonly T[], pick: (item: T) => Minor): Minor {
  return sumMinor(items.map(pick));
}

/** `unitPrice × quantity`, exact (BigInt) and checked to fit a safe integer. */
export function mulQty(unitPrice: Minor, quantity: Qty): Minor {
  return minor(Number(BigInt(unitPrice) * BigInt(quantity)));
}

/** The smaller of two amounts. */
export function minMinor(a: Minor, b: Minor): Minor {
  return a <= b ? a : b;
}

/** The larger of two amounts. */
export function maxMinor(a: Minor, b: Minor): Minor {
  return a >= b ? a : b;
}

/**
 * `amount × rate / 10000`, rounded with `mode`: a percentage of an amount.
 *
 * @example
 * percentOf(minor(1999), bp(1000), "half_up") // 200 (10 % of 19.99)
 */
export function percentOf(amount: Minor, rate: BasisPoints, mode: RoundingMode): Minor {
  return minor(divRound(BigInt(amount) * BigInt(rate), FULL_RATE, mode));
}
