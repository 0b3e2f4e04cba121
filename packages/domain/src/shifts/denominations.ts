import { DomainError, DomainErrorCode } from "../errors.ts";
import { mulQty, sumMinor } from "../money/arithmetic.ts";
import { currencyExponent } from "../money/currency.ts";
import type { Minor, Qty } from "../units.ts";
import { minor, qty } from "../units.ts";

const m = (values: readonly number[]): readonly Minor[] => values.map(minor);

/**
 * Notes and coins in circulation per currency, in minor units, largest first — the rows of the
 * cash-count screen. Currencies not listed can still be counted without a denomination check.
 */
export const DENOMINATIONS: Readonly<Record<string, readonly Minor[]>> = {
  USD: m([10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1]),
  EUR: m([50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]),
  GBP: m([5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]),
  CHF: m([100000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5]),
  JPY: m([10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 1]),
  CAD: m([10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5]),
  AUD: m([10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5]),
  NZD: m([10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10]),
  SEK: m([100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100]),
  NOK: m([100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 100]),
  DKK: m([100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50]),
  PLN: m([50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]),
  CZK: m([500000, 200000, 100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100]),
  KWD: m([20000, 10000, 5000, 1000, 500, 250, 100, 50, 20, 10, 5]),
};

/** One row of a drawer count: so many of one note or coin. */
export interface DenominationCount {
  readonly value: Minor;
  readonly count: Qty;
}

/**
 * Totals a drawer count. With a currency that has a {@link DENOMINATIONS} entry, a value that is
 * not one of its notes or coins throws `invalid_denomination`; a negative count throws too.
 *
 * @example
 * countCash([{ value: minor(2000), count: qty(3) }, { value: minor(25), count: qty(4) }], "USD") // 6100
 */
export function countCash(counts: readonly DenominationCount[], currency?: string): Minor {
  if (currency !== undefined) currencyExponent(currency); // refuses an unknown code
  const allowed = currency === undefined ? undefined : DENOMINATIONS[currency];
  return sumMinor(
    counts.map(({ value, count }) => {
      if (qty(count) < 0) throw new DomainError(DomainErrorCode.InvalidQuantity, `Negative count for ${value}`, { value, count });
      if (minor(value) <= 0 || (allowed && !allowed.includes(value))) {
        throw new DomainError(DomainErrorCode.InvalidDenomination, `${value} is not a ${currency ?? "valid"} denomination`, {
          value,
          currency,
        });
      }
      return mulQty(value, count);
    }),
  );
}
