import { documentSchema } from "./document-schema.ts";
import { arrayOf, boolean, integer, name, ref, text, timestamp, token } from "./fields.ts";

/** `promotions`: few documents; coupons are looked up by `code`. */
export const promotionsSchema = documentSchema<"promotions">({
  title: "promotions",
  properties: {
    name,
    kind: token,
    value: integer,
    categoryId: ref,
    variantIds: arrayOf(text),
    buyQty: integer,
    getQty: integer,
    getPercent: integer,
    minSubtotal: integer,
    code: { type: "string", maxLength: 50 },
    active: boolean,
    startsAt: timestamp,
    endsAt: timestamp,
    updatedAt: timestamp,
  },
  required: ["name", "kind", "active"],
  indexes: [],
});
