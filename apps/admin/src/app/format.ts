import { moneyFormatter } from "@countertop/ui";

/** The console's own locale (the owner's browser): shops' money is shown in each shop's currency. */
const LOCALE = typeof navigator === "undefined" ? "en-GB" : navigator.language || "en-GB";

const formatters = new Map<string, (amount: number) => string>();

/** Minor units of a currency as money: `formatMoney(12345, "EUR")` → "€123.45". */
export function formatMoney(amount: number, currency: string, locale = LOCALE): string {
  const key = `${currency}|${locale}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = moneyFormatter(currency, locale)));
  return format(amount);
}

/** A count with thousands separators. */
export function formatCount(n: number, locale = LOCALE): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A date and time, short. */
export function formatDateTime(iso: string, locale = LOCALE): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** A date, short. */
export function formatDate(iso: string, locale = LOCALE): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
}

/** How long ago: "just now", "5 min ago", "3 h ago", "2 days ago", or "never". */
export function timeAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "never";
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  const days = Math.floor(seconds / 86_400);
  return `${days} ${days === 1 ? "day" : "days"} ago`;
}

/** A share as a percentage with one decimal: 0.0123 → "1.2 %". */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
