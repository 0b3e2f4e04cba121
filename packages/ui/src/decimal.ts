import { currencyExponent, parseMoney, toDecimalString, type Minor } from "@countertop/domain";

/**
 * Numbers a person types and reads, in the shop's locale: one decimal separator on every screen
 * ("2,50" in a German shop, "2.50" in an American one), never the browser's default.
 */

/** The decimal separator of `locale`: "," for de-DE, "." for en-US. */
export function decimalSeparator(locale: string): "." | "," {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal");
  return part?.value === "," ? "," : ".";
}

/**
 * An amount as a person types it, without currency or grouping: `amountText(250, "EUR", "de-DE")`
 * is "2,50". For a field's initial value and for the examples in hints.
 * @example
 * amountText(10000, "EUR", "de-DE") // "100,00"
 */
export function amountText(amount: number, currency: string, locale: string): string {
  return toDecimalString(amount as Minor, currency).replace(".", decimalSeparator(locale));
}

/**
 * Parses an amount typed in the shop's locale into minor units; the locale's separator is the
 * decimal one, and a "." is accepted too where the locale uses ",", since a tablet's numeric
 * keyboard may only offer one of them. Throws a domain error on anything else.
 * @example
 * parseAmount("2,5", "EUR", "de-DE") // 250
 * parseAmount("2.5", "EUR", "de-DE") // 250
 */
export function parseAmount(text: string, currency: string, locale: string): number {
  const separator = decimalSeparator(locale);
  const trimmed = text.trim().replace(/\s+/g, "");
  const normalised = separator === "," ? trimmed.replace(".", ",") : trimmed;
  return parseMoney(normalised, currency, { decimalSeparator: separator });
}

const PERCENT_FORMATS = new Map<string, Intl.NumberFormat>();

/**
 * A percentage in basis points as a person reads it in the shop's locale: `percentText(750, "de-DE")`
 * is "7,5 %"; with `fractionDigits`, always that many decimals (`percentText(3800, "de-DE", 1)` is
 * "38,0 %", for figures read side by side).
 */
export function percentText(basisPoints: number, locale: string, fractionDigits?: number): string {
  const key = `${locale}|${fractionDigits ?? ""}`;
  let format = PERCENT_FORMATS.get(key);
  if (!format)
    PERCENT_FORMATS.set(
      key,
      (format = new Intl.NumberFormat(
        locale,
        fractionDigits === undefined
          ? { style: "percent", maximumFractionDigits: 2 }
          : { style: "percent", minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
      )),
    );
  return format.format(basisPoints / 10_000);
}

/**
 * Parses a percentage typed in the shop's locale ("12,5" or "12.5") into basis points; `undefined`
 * when it is not a number.
 */
export function parsePercent(text: string, locale: string): number | undefined {
  const separator = decimalSeparator(locale);
  const cleaned = text.trim().replace(/\s|%/g, "");
  if (!/^\d+([.,]\d{0,2})?$/.test(cleaned)) return undefined;
  const value = Number(separator === "," ? cleaned.replace(",", ".") : cleaned.replace(",", "."));
  return Number.isFinite(value) ? Math.round(value * 100) : undefined;
}

/** How many decimals a currency's amounts have (2 for EUR, 0 for JPY), for hints. */
export function decimalsOf(currency: string): number {
  return currencyExponent(currency);
}
