import { documentSchema } from "./document-schema.ts";
import { arrayOf, integer, manualDiscount, objectOf, ref, saleLine, text, timestamp, token } from "./fields.ts";

/** `sales`: receipts and refunds, listed by time, by shift (Z-report), by customer and by number. */
export const salesSchema = documentSchema<"sales">({
  title: "sales",
  properties: {
    kind: token,
    status: token,
    number: ref,
    registerId: ref,
    locationId: ref,
    shiftId: ref,
    staffId: ref,
    customerId: ref,
    originalSaleId: ref,
    currency: text,
    taxMode: text,
    lines: arrayOf(saleLine),
    cartDiscount: manualDiscount,
    promotionIds: arrayOf(text),
    subtotal: integer,
    discountTotal: integer,
    taxTotal: integer,
    cashRounding: integer,
    total: integer,
    payments: arrayOf(objectOf({ method: text, amount: integer, tendered: integer, change: integer, reference: text })),
    createdAt: timestamp,
  },
  required: ["kind", "number", "registerId", "locationId", "shiftId", "staffId", "lines", "total", "payments", "createdAt"],
  indexes: ["createdAt", ["shiftId", "createdAt"], ["registerId", "createdAt"], "number"],
});
