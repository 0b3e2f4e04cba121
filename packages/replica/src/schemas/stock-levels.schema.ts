import { documentSchema } from "./document-schema.ts";
import { integer, ref, timestamp } from "./fields.ts";

/** `stock_levels`: written by the server only; id `"{locationId}:{variantId}"`. */
export const stockLevelsSchema = documentSchema<"stock_levels">({
  title: "stock_levels",
  properties: { locationId: ref, variantId: ref, onHand: integer, updatedAt: timestamp },
  required: ["locationId", "variantId", "onHand"],
  indexes: ["variantId"],
});
