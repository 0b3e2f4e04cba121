import { z } from "zod";
import { idSchema, moneySchema, nonNegativeMoneySchema, noteSchema, timestampSchema } from "../primitives.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/** Cash put into (`pay_in`) or taken out of (`pay_out`) the drawer during a shift, with a reason. */
export const cashMovementSchema = z.looseObject({
  id: idSchema,
  kind: z.enum(["pay_in", "pay_out"]),
  amount: z.number().int().min(1),
  reason: z.string().min(1).max(200),
  at: timestampSchema,
  staffId: idSchema,
});

/** @see cashMovementSchema */
export type CashMovement = z.infer<typeof cashMovementSchema>;

/**
 * A cash count by denomination: the key is the face value in minor units (`"2000"` = a 20 note),
 * the value how many were counted.
 */
export const denominationsSchema = z
  .record(z.string().regex(/^\d{1,9}$/), z.number().int().min(0))
  .refine((counts) => Object.keys(counts).length <= 50, { message: "at most 50 denominations" });

/** @see denominationsSchema */
export type Denominations = z.infer<typeof denominationsSchema>;

/** Whether the drawer is open for sales or closed with a count. */
export const shiftStatusSchema = z.enum(["open", "closed"]);

/** @see shiftStatusSchema */
export type ShiftStatus = z.infer<typeof shiftStatusSchema>;

/**
 * A till session from opening float to closing count (collection `shifts`). Written only by the
 * register that opened it; the `reviewed*` fields are the manager's and are merged in separately.
 */
export const shiftSchema = replicatedDocumentSchema.extend({
  registerId: idSchema,
  locationId: idSchema,
  status: shiftStatusSchema,
  openedBy: idSchema,
  openedAt: timestampSchema,
  openingFloat: nonNegativeMoneySchema,
  cashMovements: z.array(cashMovementSchema).max(500).default([]),
  closedBy: idSchema.optional(),
  closedAt: timestampSchema.optional(),
  countedCash: nonNegativeMoneySchema.optional(),
  expectedCash: moneySchema.optional(),
  denominations: denominationsSchema.optional(),
  /** `countedCash - expectedCash`: negative when the drawer is short. */
  variance: moneySchema.optional(),
  reviewedBy: idSchema.optional(),
  reviewedAt: timestampSchema.optional(),
  reviewNote: noteSchema.optional(),
});

/** @see shiftSchema */
export type Shift = z.infer<typeof shiftSchema>;
