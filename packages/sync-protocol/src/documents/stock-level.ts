import type { z } from "zod";
import { idSchema, quantitySchema, timestampSchema } from "../primitives.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/** The id of the stock level of a variant at a location: `"{locationId}:{variantId}"`. */
export function stockLevelId(locationId: string, variantId: string): string {
  return `${locationId}:${variantId}`;
}

/**
 * Stock on hand of a variant at a location (collection `stock_levels`): a projection of the
 * movements, written only by the server. `onHand` may be negative after an offline oversell.
 */
export const stockLevelSchema = replicatedDocumentSchema
  .extend({
    locationId: idSchema,
    variantId: idSchema,
    onHand: quantitySchema,
    updatedAt: timestampSchema,
  })
  .refine((level) => level.id === stockLevelId(level.locationId, level.variantId), {
    message: 'id must be "{locationId}:{variantId}"',
    path: ["id"],
  });

/** @see stockLevelSchema */
export type StockLevel = z.infer<typeof stockLevelSchema>;
