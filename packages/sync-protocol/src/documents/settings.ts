import { z } from "zod";
import {
  basisPointsSchema,
  colorSchema,
  currencySchema,
  emailSchema,
  idSchema,
  localeSchema,
  nameSchema,
  nonNegativeMoneySchema,
  noteSchema,
  paymentMethodSchema,
  percentBpSchema,
  phoneSchema,
  shippingKindSchema,
  taxModeSchema,
  taxNumberSchema,
  timestampSchema,
  timeZoneSchema,
  urlSchema,
} from "../primitives.ts";
import { addressSchema } from "./address.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/** The id of the one settings document of a tenant. */
export const SETTINGS_ID = "shop";

/** A named tax rate in basis points (`2000` = 20 %); products refer to it by id. */
export const taxRateSchema = z.looseObject({ id: idSchema, name: nameSchema, rate: basisPointsSchema });

/** @see taxRateSchema */
export type TaxRate = z.infer<typeof taxRateSchema>;

/** A time of day, "08:00" to "23:59", in the shop's own time zone. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM");

/**
 * When a location is open on one day of the week (ISO weekday: 1 = Monday … 7 = Sunday). A day
 * without an entry is a closed day; two entries for one day are a split day (a lunch break).
 */
export const openingHoursSchema = z.looseObject({
  weekday: z.number().int().min(1).max(7),
  opens: timeOfDaySchema,
  closes: timeOfDaySchema,
});

/** @see openingHoursSchema */
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** A shop, warehouse or pickup point that holds stock; shoppers see its address and opening hours. */
export const shopLocationSchema = z.looseObject({
  id: idSchema,
  name: nameSchema,
  address: addressSchema.optional(),
  openingHours: z.array(openingHoursSchema).max(21).optional(),
});

/** @see shopLocationSchema */
export type ShopLocation = z.infer<typeof shopLocationSchema>;

/**
 * A till. Its id is the device id the manager registered; `code` is short and unique per shop and
 * prefixes the register's receipt numbers.
 */
export const registerSchema = z.looseObject({
  id: idSchema,
  name: nameSchema,
  locationId: idSchema,
  code: z.string().regex(/^[A-Za-z0-9-]{1,10}$/, "expected 1-10 letters, digits or dashes"),
});

/** @see registerSchema */
export type Register = z.infer<typeof registerSchema>;

/** A shipping option offered at checkout; `freeOver` makes it free from that subtotal up. */
export const shippingOptionSchema = z.looseObject({
  id: idSchema,
  kind: shippingKindSchema,
  name: nameSchema,
  amount: nonNegativeMoneySchema,
  freeOver: nonNegativeMoneySchema.optional(),
  locationId: idSchema.optional(),
  /** What a shopper does to collect or receive the order: "Ask at the counter with your order number." */
  instructions: noteSchema.optional(),
});

/** @see shippingOptionSchema */
export type ShippingOption = z.infer<typeof shippingOptionSchema>;

/** Storefront look: colours, logo, the line under the shop's name, and the name under an installed app's icon. */
export const themeSchema = z.looseObject({
  primaryColor: colorSchema,
  accentColor: colorSchema.optional(),
  logoUrl: urlSchema.optional(),
  /** One line under the shop's name on its home page. */
  tagline: z.string().max(160).optional(),
  /** The app's name under its icon once installed: at most 12 characters, so it is never cut. */
  shortName: z.string().min(1).max(12).optional(),
});

/** @see themeSchema */
export type Theme = z.infer<typeof themeSchema>;

/**
 * The shop's settings (collection `settings`): one document per tenant, id {@link SETTINGS_ID}.
 * Written by managers and merged field by field.
 */
export const settingsSchema = replicatedDocumentSchema.extend({
  id: z.literal(SETTINGS_ID),
  shopName: nameSchema,
  currency: currencySchema,
  locale: localeSchema,
  taxMode: taxModeSchema,
  taxRates: z.array(taxRateSchema).max(50),
  defaultTaxRateId: idSchema,
  locations: z.array(shopLocationSchema).max(100),
  registers: z.array(registerSchema).max(200),
  paymentMethods: z.array(paymentMethodSchema).min(1).max(3),
  /** Cash totals are rounded to a multiple of this many minor units; 0 = no rounding. */
  cashRounding: z.number().int().min(0).max(10_000),
  receiptHeader: noteSchema.optional(),
  receiptFooter: noteSchema.optional(),
  shippingOptions: z.array(shippingOptionSchema).max(50),
  theme: themeSchema,
  /** A manual discount above this share (basis points) needs a manager's PIN. */
  discountApprovalThresholdBp: percentBpSchema,
  /** The shop's time zone: its days and hours on receipts, reports and screens. Absent: the device's. */
  timeZone: timeZoneSchema.optional(),
  /** The shop's contact details and tax number, for receipts, invoices and the storefront. */
  address: addressSchema.optional(),
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
  taxNumber: taxNumberSchema.optional(),
  updatedAt: timestampSchema,
});

/** @see settingsSchema */
export type Settings = z.infer<typeof settingsSchema>;
