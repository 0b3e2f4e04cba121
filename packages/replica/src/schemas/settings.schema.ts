import { documentSchema } from "./document-schema.ts";
import { address, arrayOf, integer, objectOf, text, timestamp } from "./fields.ts";

/**
 * `settings`: one document, id `"shop"`. The storefront receives a public subset, so nothing but
 * the id is required.
 */
export const settingsSchema = documentSchema<"settings">({
  title: "settings",
  properties: {
    shopName: text,
    currency: text,
    locale: text,
    taxMode: text,
    taxRates: arrayOf(objectOf({ id: text, name: text, rate: integer })),
    defaultTaxRateId: text,
    locations: arrayOf(objectOf({ id: text, name: text, address })),
    registers: arrayOf(objectOf({ id: text, name: text, locationId: text, code: text })),
    paymentMethods: arrayOf(text),
    cashRounding: integer,
    receiptHeader: text,
    receiptFooter: text,
    shippingOptions: arrayOf(objectOf({ id: text, kind: text, name: text, amount: integer, freeOver: integer, locationId: text })),
    theme: objectOf({ primaryColor: text, accentColor: text, logoUrl: text }),
    discountApprovalThresholdBp: integer,
    updatedAt: timestamp,
  },
});
