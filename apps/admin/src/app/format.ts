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

/** What an audit event's action means, for the owner reading the log (its code stays beside it, for filters and searches). */
const ACTION_LABELS: Readonly<Record<string, string>> = {
  "auth.sign_in": "Signed in",
  "auth.sign_out": "Signed out",
  "auth.password_set": "Password set",
  "user.disabled": "Sign-in disabled",
  "user.link_sent": "Sign-in link sent",
  "staff.added": "Person added",
  "staff.pin_set": "PIN set",
  "staff.role_changed": "Role changed",
  "staff.deactivated": "Person deactivated",
  "product.price_changed": "Price changed",
  "catalog.imported": "Catalog imported",
  "settings.changed": "Settings changed",
  "sync.refused": "Sync write refused",
  "sync.sales_flagged": "Sales flagged",
  "device.registered": "Till registered",
  "device.renamed": "Till renamed",
  "device.revoked": "Till revoked",
  "tenant.created": "Shop created",
  "tenant.suspended": "Shop suspended",
  "tenant.activated": "Shop reactivated",
  "tenant.plan_changed": "Plan changed",
  "tenant.domain_set": "Domain set",
  "tenant.domain_verified": "Domain verified",
  "tenant.exported": "Data exported",
  "tenant.closed": "Shop closed",
  "tenant.restored": "Shop restored",
  "tenant.deleted": "Shop deleted",
  "plan.updated": "Plan updated",
  "owner.invited": "Owner invited",
};

/** An audit action as words ("tenant.suspended" → "Shop suspended"); an action this console does not know, as its code. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
