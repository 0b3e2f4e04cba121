import { z } from "zod";
import { nonNegativeMoneySchema, percentBpSchema } from "../primitives.ts";

/**
 * A discount a cashier keys in on a line or on the whole cart: a percentage in basis points
 * (`{ type: "percent", value: 1000 }` = 10 %) or a fixed amount in minor units.
 */
export const manualDiscountSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("percent"), value: percentBpSchema }),
  z.looseObject({ type: z.literal("fixed"), value: nonNegativeMoneySchema }),
]);

/** @see manualDiscountSchema */
export type ManualDiscount = z.infer<typeof manualDiscountSchema>;
