import { z } from "zod";

/*
 * Building blocks shared by every document. The bounds are generous for real shops and tight enough
 * that a corrupt or hostile body is rejected at the edge instead of reaching Postgres.
 */

/**
 * A document or reference id. Usually a UUIDv7 made on the device, but derived ids are composite
 * (`"{locationId}:{variantId}"`, `"{saleId}:{lineId}"`, the settings id `"shop"`), so no uuid format.
 */
export const idSchema = z.string().min(1).max(100);

/** A short human label: product, customer, staff or option name. */
export const nameSchema = z.string().min(1).max(200);

/** A free-text note shown to staff (reasons, review notes, receipt text). */
export const noteSchema = z.string().max(2000);

/** A stock-keeping unit or barcode. */
export const codeSchema = z.string().min(1).max(100);

/** A URL or app-relative path of an image; data URLs are too big for a replicated document. */
export const urlSchema = z.string().min(1).max(2000);

/**
 * The largest amount of money a document may carry, in minor units (10^13: a hundred billion in a
 * two-decimal currency). Far above any shop's figures, and far enough below 2^53 that sums of many
 * such amounts stay exact integers.
 */
export const MAX_MONEY = 10_000_000_000_000;

/** The largest quantity one line or stock movement may carry; stock levels may sum to more. */
export const MAX_QUANTITY = 1_000_000_000;

/** An amount of money in integer minor units (cents). May be negative (refunds, rounding, variance). */
export const moneySchema = z.number().int().min(-MAX_MONEY).max(MAX_MONEY);

/** An amount of money in minor units that can't be negative: a price, a cost, a cash float. */
export const nonNegativeMoneySchema = z.number().int().min(0).max(MAX_MONEY);

/** A signed integer quantity (a stock delta). */
export const quantitySchema = z.number().int().min(-MAX_QUANTITY).max(MAX_QUANTITY);

/** A quantity that can't be negative: units counted on a shelf. */
export const nonNegativeQuantitySchema = z.number().int().min(0).max(MAX_QUANTITY);

/** A quantity that is at least one: a sold line, a "buy 2" in a promotion. */
export const positiveQuantitySchema = z.number().int().min(1).max(MAX_QUANTITY);

/** A rate in basis points: 10000 = 100 %. Capped at 1000 % so a typo can't slip through. */
export const basisPointsSchema = z.number().int().min(0).max(100_000);

/** A share in basis points that can't exceed 100 %: a discount, a "get one at 50 %". */
export const percentBpSchema = z.number().int().min(0).max(10_000);

/** An ISO-8601 instant with a `Z` or a numeric offset: `2026-11-22T10:00:00.000Z`. */
export const timestampSchema = z.iso.datetime({ offset: true });

/** An ISO-4217 currency code: `"EUR"`. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, "expected an ISO-4217 code such as EUR");

/** An ISO-3166 alpha-2 country code: `"FR"`. */
export const countrySchema = z.string().regex(/^[A-Z]{2}$/, "expected an ISO-3166 alpha-2 code such as FR");

/** Whether `Intl` formats numbers and dates in `tag` (a well-formed tag it rejects would break every receipt). */
function isUsableLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && new Intl.NumberFormat(tag).resolvedOptions().locale.length > 0;
  } catch {
    return false;
  }
}

/** A BCP-47 language tag that `Intl` accepts: `"fr-FR"`. */
export const localeSchema = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "expected a BCP-47 tag such as fr-FR")
  .refine(isUsableLocale, "expected a language tag that browsers can format with, such as fr-FR");

/** Whether `Intl` knows the time zone (a name it rejects would break every report). */
function isUsableTimeZone(zone: string): boolean {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

/** An IANA time zone that `Intl` accepts: `"Europe/Berlin"`, `"UTC"`. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, "expected an IANA time zone such as Europe/Berlin")
  .refine(isUsableTimeZone, "expected a time zone that browsers know, such as Europe/Berlin");

/** A VAT or sales-tax registration number as printed on an invoice: `"DE123456789"`. */
export const taxNumberSchema = z.string().min(1).max(50);

/** A CSS hex colour: `#0a7` or `#00aa77`. */
export const colorSchema = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "expected a hex colour such as #00aa77");

/** An e-mail address. */
export const emailSchema = z.email().max(254);

/** A phone number as typed; digits, spaces and `+()-.` only. */
export const phoneSchema = z.string().regex(/^[0-9+()\-. ]{3,40}$/, "expected a phone number");

/** Whether prices include tax (`inclusive`, usual in the EU) or tax is added on top (`exclusive`). */
export const taxModeSchema = z.enum(["inclusive", "exclusive"]);

/** @see taxModeSchema */
export type TaxMode = z.infer<typeof taxModeSchema>;

/** How a sale was paid. */
export const paymentMethodSchema = z.enum(["cash", "card", "other"]);

/** @see paymentMethodSchema */
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** How an order reaches the shopper. */
export const shippingKindSchema = z.enum(["flat", "free", "pickup"]);

/** @see shippingKindSchema */
export type ShippingKind = z.infer<typeof shippingKindSchema>;

/** Staff roles: a manager can do everything a cashier can, plus catalog, stock and reconciliation. */
export const staffRoleSchema = z.enum(["cashier", "manager"]);

/** @see staffRoleSchema */
export type StaffRole = z.infer<typeof staffRoleSchema>;

/**
 * True when no two items share an `id`. Line and variant ids must be unique inside their document:
 * derived ids such as the stock movement `"{saleId}:{lineId}"` depend on it.
 */
export function hasUniqueIds(items: readonly { readonly id: string }[]): boolean {
  return new Set(items.map((item) => item.id)).size === items.length;
}
