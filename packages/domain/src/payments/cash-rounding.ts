import { DomainError, DomainErrorCode } from "../errors.ts";
import { divRound, type RoundingMode } from "../money/rounding.ts";
import type { Minor } from "../units.ts";
import { isMinor, minor } from "../units.ts";

/**
 * Rounding of the amount due in cash when the smallest coins are gone (CHF to 5 rappen, SEK to
 * whole kronor = 100, AUD/NZD/CAD to 5 or 10 cents). Card payments are never rounded.
 */
export interface CashRounding {
  /** The step in minor units, e.g. 5. */
  readonly increment: Minor;
  readonly mode: RoundingMode;
}

/** Cash due after rounding, and the adjustment (`due − original`, may be negative) to record. */
export interface RoundedCash {
  readonly due: Minor;
  readonly adjustment: Minor;
}

/**
 * Rounds an amount due in cash to the rounding's increment; without a rounding, nothing changes.
 *
 * @example
 * roundCash(minor(1002), { increment: minor(5), mode: "half_up" }) // { due: 1000, adjustment: -2 }
 * roundCash(minor(1003), { increment: minor(5), mode: "half_up" }) // { due: 1005, adjustment: 2 }
 */
export function roundCash(amount: Minor, rounding?: CashRounding): RoundedCash {
  minor(amount);
  if (!rounding) return { due: amount, adjustment: minor(0) };
  if (!isMinor(rounding.increment) || rounding.increment < 1) {
    throw new DomainError(DomainErrorCode.InvalidCashRounding, `Cash rounding increment must be a positive integer: ${rounding.increment}`);
  }
  const due = minor(divRound(amount, rounding.increment, rounding.mode) * rounding.increment);
  return { due, adjustment: minor(due - amount) };
}
