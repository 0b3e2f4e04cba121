import { DomainError, DomainErrorCode } from "../errors.ts";
import type { Minor } from "../units.ts";
import { minor } from "../units.ts";
import { currencyExponent } from "./currency.ts";
import { divRound, type RoundingMode } from "./rounding.ts";

/**
 * The exact decimal text of an amount in major units, with exactly the currency's decimals.
 * Built from digits, not by dividing a float, so 2^53-sized amounts stay exact.
 *
 * @example
 * toDecimalString(minor(-1005), "EUR") // "-10.05"
 * toDecimalString(minor(1500), "JPY")  // "1500"
 */
export function toDecimalString(amount: Minor, currency: string): `${number}` {
  const exponent = currencyExponent(currency);
  const digits = Math.abs(minor(amount))
    .toString()
    .padStart(exponent + 1, "0");
  const sign = amount < 0 ? "-" : "";
  if (exponent === 0) return `${sign}${digits}` as `${number}`;
  const cut = digits.length - exponent;
  return `${sign}${digits.slice(0, cut)}.${digits.slice(cut)}` as `${number}`;
}

// Making an Intl.NumberFormat costs far more than formatting with one, and a till formats dozens of
// prices a frame: one per locale, currency and display, made on first use.
const FORMATTERS = new Map<string, Intl.NumberFormat>();

/**
 * A localized currency string via `Intl.NumberFormat`, always showing exactly the currency's
 * ISO 4217 decimals (the till and the receipt must agree with the minor units we store).
 *
 * @example
 * formatMoney(minor(123456), "EUR", "de-DE") // "1.234,56 €"
 * formatMoney(minor(1500), "JPY", "en-US")   // "¥1,500"
 */
export function formatMoney(
  amount: Minor,
  currency: string,
  locale: string | readonly string[],
  currencyDisplay: "symbol" | "narrowSymbol" | "code" | "name" = "symbol",
): string {
  const key = `${String(locale)}|${currency}|${currencyDisplay}`;
  let formatter = FORMATTERS.get(key);
  if (!formatter) {
    const exponent = currencyExponent(currency);
    formatter = new Intl.NumberFormat(locale as string | string[], {
      style: "currency",
      currency,
      currencyDisplay,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    FORMATTERS.set(key, formatter);
  }
  // A decimal string is formatted exactly (Intl.NumberFormat v3); a float division would not be.
  return formatter.format(toDecimalString(amount, currency));
}

/** Options for {@link parseMoney}. */
export interface ParseMoneyOptions {
  /** The decimal separator the text uses; no grouping separators are accepted. Default ".". */
  readonly decimalSeparator?: "." | ",";
  /** Round extra decimals with this mode; without it, non-zero extra decimals are refused. */
  readonly rounding?: RoundingMode;
}

const PATTERNS = {
  ".": /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))$/,
  ",": /^([+-])?(?:(\d+)(?:,(\d*))?|,(\d+))$/,
} as const;

/**
 * Parses decimal text in major units ("12.5", "-0.99", ".50") into minor units of `currency`.
 *
 * @example
 * parseMoney("12.5", "USD")                          // 1250
 * parseMoney("10,50", "EUR", { decimalSeparator: "," }) // 1050
 * parseMoney("1.005", "USD")                         // throws invalid_money_string
 * parseMoney("1.005", "USD", { rounding: "half_even" }) // 100
 */
export function parseMoney(text: string, currency: string, options: ParseMoneyOptions = {}): Minor {
  const exponent = currencyExponent(currency);
  const match = PATTERNS[options.decimalSeparator ?? "."].exec(text.trim());
  if (!match) throw new DomainError(DomainErrorCode.InvalidMoneyString, `Not a decimal amount: "${text}"`, { text });
  const [, sign, whole = "0", fractionA, fractionB] = match;
  const fraction = fractionA ?? fractionB ?? "";
  const negative = sign === "-";
  const padded = fraction.padEnd(exponent, "0");
  const kept = padded.slice(0, exponent);
  const extra = padded.slice(exponent);
  let units = BigInt(whole + kept);
  if (negative) units = -units;
  if (/[1-9]/.test(extra)) {
    if (!options.rounding) {
      throw new DomainError(DomainErrorCode.InvalidMoneyString, `More than ${exponent} decimals for ${currency}: "${text}"`, {
        text,
        currency,
      });
    }
    const scale = 10n ** BigInt(extra.length);
    const exact = BigInt(whole + kept + extra) * (negative ? -1n : 1n);
    return minor(divRound(exact, scale, options.rounding));
  }
  const result = Number(units);
  if (!Number.isSafeInteger(result)) {
    throw new DomainError(DomainErrorCode.InvalidMoneyString, `Amount too large: "${text}"`, { text });
  }
  return minor(result);
}

/**
 * A formatter of integer minor units in `currency`, written the way the shop's `locale` writes
 * money — the one locale from the shop's settings, never the browser's. Refuses a fraction of a
 * minor unit rather than rounding it away.
 *
 * @example
 * const money = moneyFormatter(settings.currency, settings.locale);
 * money(123456) // "1.234,56 €" for EUR in de-DE
 */
export function moneyFormatter(currency: string, locale: string): (amount: number) => string {
  return (amount) => formatMoney(minor(amount), currency, locale);
}
