import { formatMoney, minor } from "@countertop/domain";

/**
 * A formatter of integer minor units in `currency`, written the way the shop's `locale` writes
 * money — the one locale from the shop's settings, never the browser's.
 *
 * @example
 * const money = moneyFormatter(settings.currency, settings.locale);
 * money(123456) // "1.234,56 €" for EUR in de-DE
 */
export function moneyFormatter(currency: string, locale: string): (amount: number) => string {
  return (amount) => formatMoney(minor(amount), currency, locale);
}
