import { z } from "zod";
import { idSchema, nonNegativeQuantitySchema, noteSchema, quantitySchema, timestampSchema } from "../primitives.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/** Why stock moved. `sale` / `refund` / `order` / `order_cancel` movements are derived by the server. */
export const stockMovementReasonSchema = z.enum(["sale", "refund", "receive", "adjust", "count", "order", "order_cancel", "transfer"]);

/** @see stockMovementReasonSchema */
export type StockMovementReason = z.infer<typeof stockMovementReasonSchema>;

/**
 * One change of stock of a variant at a location (collection `stock_movements`). Append-only: the id
 * is the identity, and a movement derived from a sale line has the id `"{saleId}:{lineId}"`.
 *
 * A stock count (`reason: "count"`) carries what was on the shelf (`countedQty`) at the time it was
 * counted (`occurredAt`): the server sets the level as of that time, computing `delta` (and
 * `systemQty`, what the level was then) itself — so a sale made before the count that syncs after
 * it is not subtracted twice. A count may confirm the level (`delta` 0); any other movement moves it.
 */
export const stockMovementSchema = replicatedDocumentSchema
  .extend({
    locationId: idSchema,
    variantId: idSchema,
    delta: quantitySchema,
    reason: stockMovementReasonSchema,
    /** The sale, order or transfer that caused the movement. */
    refId: idSchema.optional(),
    deviceId: idSchema.optional(),
    staffId: idSchema.optional(),
    occurredAt: timestampSchema,
    note: noteSchema.optional(),
    /** A count: the units on the shelf when it was counted (`occurredAt`). */
    countedQty: nonNegativeQuantitySchema.optional(),
    /** A count: the level the server had at the time of counting, before the count (set by the server). */
    systemQty: quantitySchema.optional(),
    /** A transfer: the id shared by its two halves (leaving one location, arriving at the other). */
    transferId: idSchema.optional(),
  })
  .refine((m) => m.delta !== 0 || (m.reason === "count" && m.countedQty !== undefined), {
    message: "delta must not be 0 (only a count may confirm the level)",
    path: ["delta"],
  });

/** @see stockMovementSchema */
export type StockMovement = z.infer<typeof stockMovementSchema>;
