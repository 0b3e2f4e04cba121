import { z } from "zod";

/** The largest `seq` there can be: PostgreSQL's bigint, as digits. */
const MAX_SEQ = "9223372036854775807";

/** Whether digits `seq` (no leading zeros) fit a bigint: compared as text, so nothing is parsed. */
const fitsBigint = (seq: string) => seq.length < MAX_SEQ.length || (seq.length === MAX_SEQ.length && seq <= MAX_SEQ);

/**
 * Where a client is in a collection's change feed: the `seq` of the last document it received, a
 * per-tenant, strictly increasing server counter written as canonical decimal digits (it can pass
 * 2^53, so it is a string). Real seqs start at 1, so `"0"` means "from the start".
 */
export const checkpointSchema = z.object({
  seq: z
    .string()
    .regex(/^(?:0|[1-9]\d{0,18})$/, "expected a seq of decimal digits")
    .refine(fitsBigint, "expected a seq no larger than a PostgreSQL bigint"),
});

/** @see checkpointSchema */
export type Checkpoint = z.infer<typeof checkpointSchema>;
