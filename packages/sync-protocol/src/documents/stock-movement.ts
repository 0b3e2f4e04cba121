import { z } from "zod";
import {
  idSchema,
  nameSchema,
  nonNegativeMoneySchema,
  nonNegativeQuantitySchema,
  noteSchema,
  quantitySchema,
  timestampSchema,
} from "../primitives.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/** Why stock moved. `sale` / `refund` / `order` / `order_cancel` movements are derived by the server. */
export const stockMovementReasonSchema = z.enum(["sale", "refund", "receive", "adjust", "count", "order", "order_cancel", "transfer"]);

/** @see stockMovementReasonSchema */
export type StockMovementReason = z.infer<typeof stockMovementReasonSchema>;

/** Why a manager adjusted stock by hand. */
export const adjustReasonSchema = z.enum(["damaged", "lost", "found", "correction"]);

/** @see adjustReasonSchema */
export type AdjustReason = z.infer<typeof adjustReasonSchema>;

/** How a transferred line ended at its destination. */
export const transferOutcomeSchema = z.enum(["received", "damaged", "lost"]);

/** @see transferOutcomeSchema */
export type TransferOutcome = z.infer<typeof transferOutcomeSchema>;

/**
 * The locations of a transfer and, for the half that takes stock out of transit, how the line
 * ended. While goods travel they are held at the location `transit:{transferId}`, so what is in
 * transit is a stock level like any other.
 */
export const transferLegSchema = z.looseObject({ from: idSchema, to: idSchema, outcome: transferOutcomeSchema.optional() });

/** @see transferLegSchema */
export type TransferLeg = z.infer<typeof transferLegSchema>;

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
    /** A transfer: from where, to where, and (arriving) how the line ended. */
    transfer: transferLegSchema.optional(),
    /** A receipt of goods: the supplier, their delivery note or invoice reference, and the unit cost paid. */
    supplier: nameSchema.optional(),
    reference: z.string().min(1).max(100).optional(),
    unitCost: nonNegativeMoneySchema.optional(),
    /** An adjustment: why. */
    adjustReason: adjustReasonSchema.optional(),
    /** A count: the count it belongs to (a full count or a cycle count of one category), and the level the counting till showed. */
    countId: idSchema.optional(),
    seenQty: quantitySchema.optional(),
  })
  .refine((m) => m.delta !== 0 || (m.reason === "count" && m.countedQty !== undefined), {
    message: "delta must not be 0 (only a count may confirm the level)",
    path: ["delta"],
  });

/** @see stockMovementSchema */
export type StockMovement = z.infer<typeof stockMovementSchema>;
