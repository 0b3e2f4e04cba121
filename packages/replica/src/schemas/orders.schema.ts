import { documentSchema } from "./document-schema.ts";
import { address, arrayOf, integer, objectOf, ref, saleLine, text, timestamp, token } from "./fields.ts";

/** `orders`: storefront orders, listed by status for fulfilment and by customer for order history. */
export const ordersSchema = documentSchema<"orders">({
  title: "orders",
  properties: {
    number: ref,
    customerId: ref,
    email: text,
    status: token,
    currency: text,
    taxMode: text,
    lines: arrayOf(saleLine),
    subtotal: integer,
    discountTotal: integer,
    shippingTotal: integer,
    taxTotal: integer,
    total: integer,
    shipping: objectOf({ optionId: text, kind: text, amount: integer, locationId: text, address }),
    payment: objectOf({ provider: text, status: text, reference: text }),
    couponCode: text,
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  required: ["number", "status", "lines", "total", "createdAt"],
  indexes: ["createdAt", ["status", "createdAt"], "number"],
});
