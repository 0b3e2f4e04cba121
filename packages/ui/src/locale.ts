import { moneyFormatter } from "@countertop/domain";

/*
 * One locale and one time zone from the shop's settings drive every date, time, number and amount
 * a screen or a receipt shows — never the browser's defaults (a German shop on an American laptop
 * still reads 29.11.2026 and 14:47).
 */

/** What the formats need of the shop's settings. */
export interface ShopLocale {
  readonly locale: string;
  readonly currency: string;
  /** IANA time zone; absent: the device's. */
  readonly timeZone?: string | undefined;
}

/** The shop's formats: dates, times, numbers and money, in its locale and time zone. */
export interface ShopFormat {
  /** 29.11.2026 */
  date(iso: string | Date): string;
  /** 14:47 */
  time(iso: string | Date): string;
  /** 29.11.2026, 14:47 */
  dateTime(iso: string | Date): string;
  /** 1.234 */
  number(n: number): string;
  /** 1.234,56 € (minor units in) */
  money(amount: number): string;
  /** The shop's calendar day of an instant, "2026-11-29": for grouping and date fields. */
  day(iso: string | Date): string;
  /** The date pattern a person types in this locale: "DD.MM.YYYY", "MM/DD/YYYY". */
  readonly datePattern: string;
}

const cache = new Map<string, ShopFormat>();
const asDate = (value: string | Date) => (typeof value === "string" ? new Date(value) : value);

/**
 * The formats of a shop, made once per locale, currency and time zone.
 * @example
 * const f = shopFormat(settings);
 * f.dateTime(sale.createdAt) // "29.11.2026, 14:47" in a de-DE shop in Europe/Berlin
 */
export function shopFormat(shop: ShopLocale): ShopFormat {
  const key = `${shop.locale}|${shop.currency}|${shop.timeZone ?? ""}`;
  const known = cache.get(key);
  if (known) return known;
  const zone = shop.timeZone ? { timeZone: shop.timeZone } : {};
  const date = new Intl.DateTimeFormat(shop.locale, { dateStyle: "medium", ...zone });
  const numericDate = new Intl.DateTimeFormat(shop.locale, { year: "numeric", month: "2-digit", day: "2-digit", ...zone });
  const time = new Intl.DateTimeFormat(shop.locale, { timeStyle: "short", ...zone });
  const dateTime = new Intl.DateTimeFormat(shop.locale, { dateStyle: "medium", timeStyle: "short", ...zone });
  const dayParts = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", ...zone });
  const number = new Intl.NumberFormat(shop.locale);
  const format: ShopFormat = {
    date: (v) => date.format(asDate(v)),
    time: (v) => time.format(asDate(v)),
    dateTime: (v) => dateTime.format(asDate(v)),
    number: (n) => number.format(n),
    money: moneyFormatter(shop.currency, shop.locale),
    day: (v) => dayParts.format(asDate(v)),
    datePattern: numericDate
      .formatToParts(new Date(Date.UTC(2026, 10, 29, 12)))
      .map((p) => ({ day: "DD", month: "MM", year: "YYYY" })[p.type as "day"] ?? p.value)
      .join(""),
  };
  cache.set(key, format);
  return format;
}

/**
 * Reads a date typed in the shop's pattern ("29.11.2026" for DD.MM.YYYY) as "2026-11-29", or
 * `undefined` when it is not a real date in that pattern.
 */
export function parseShopDate(text: string, pattern: string): string | undefined {
  const order = pattern.match(/DD|MM|YYYY/g) ?? [];
  const numbers = text.trim().match(/\d+/g);
  if (!numbers || numbers.length !== 3 || order.length !== 3) return undefined;
  const part = (name: string) => Number(numbers[order.indexOf(name)]);
  const [year, month, day] = [part("YYYY"), part("MM"), part("DD")];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "2026-11-29" in the shop's pattern: "29.11.2026". */
export function formatShopDate(day: string, pattern: string): string {
  const [year = "", month = "", date = ""] = day.split("-");
  return pattern.replace("YYYY", year).replace("MM", month).replace("DD", date);
}
