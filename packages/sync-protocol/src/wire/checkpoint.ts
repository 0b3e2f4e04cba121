import { z } from "zod";
import { fitsBigint, SEQ_DIGITS } from "./seq.ts";

/**
 * Where a client is in a collection's change feed: the `seq` of the last document it received, a
 * per-tenant, strictly increasing server counter written as canonical decimal digits (it can pass
 * 2^53, so it is a string). Real seqs start at 1, so `"0"` means "from the start".
 */
export const checkpointSchema = z.object({
  seq: z
    .string()
    .regex(SEQ_DIGITS, "expected a seq of decimal digits")
    .refine(fitsBigint, "expected a seq no larger than a PostgreSQL bigint"),
});

/** @see checkpointSchema */
export type Checkpoint = z.infer<typeof checkpointSchema>;
