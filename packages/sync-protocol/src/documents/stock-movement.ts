import { z } from "zod";
import { idSchema, noteSchema, quantitySchema, timestampSchema } from "../primitives.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/** Why stock moved. `sale` / `refund` / `order` / `order_cancel` movements are derived by the server. */
export const stockMovementReasonSchema = z.enum(["sale", "refund", "receive", "adjust", "count", "order", "order_cancel", "transfer"]);

/** @see stockMovementReasonSchema */
export type StockMovementReason = z.infer<typeof stockMovementReasonSchema>;

/**
 * One change of stock of a variant at a location (collection `stock_movements`). Append-only: the id
 * is the identity, and a movement derived from a sale line has the id `"{saleId}:{lineId}"`.
 */
export const stockMovementSchema = replicatedDocumentSchema.extend({
  locationId: idSchema,
  variantId: idSchema,
  delta: quantitySchema.refine((delta) => delta !== 0, { message: "delta must not be 0" }),
  reason: stockMovementReasonSchema,
  /** The sale, order or transfer that caused the movement. */
  refId: idSchema.optional(),
  deviceId: idSchema.optional(),
  staffId: idSchema.optional(),
  occurredAt: timestampSchema,
  note: noteSchema.optional(),
});

/** @see stockMovementSchema */
export type StockMovement = z.infer<typeof stockMovementSchema>;
