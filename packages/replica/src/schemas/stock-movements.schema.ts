import { documentSchema } from "./document-schema.ts";
import { integer, ref, text, timestamp, token } from "./fields.ts";

/** `stock_movements`: append-only, listed per variant and by the sale or order that caused them. */
export const stockMovementsSchema = documentSchema<"stock_movements">({
  title: "stock_movements",
  properties: {
    locationId: ref,
    variantId: ref,
    delta: integer,
    reason: token,
    refId: ref,
    deviceId: ref,
    staffId: ref,
    occurredAt: timestamp,
    note: text,
  },
  required: ["locationId", "variantId", "delta", "reason", "occurredAt"],
  indexes: ["occurredAt", ["variantId", "occurredAt"]],
});
