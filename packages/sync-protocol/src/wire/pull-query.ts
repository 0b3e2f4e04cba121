import { z } from "zod";
import { checkpointSchema } from "./checkpoint.ts";
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT } from "./limits.ts";

/**
 * The query string of `GET /sync/v1/{collection}/pull?seq=…&limit=…`. Values arrive as strings,
 * so `limit` is coerced. No `seq` (or `"0"`) pulls from the start.
 * @example
 * const { seq, limit } = pullQuerySchema.parse(c.req.query()); // limit defaults to 100
 */
export const pullQuerySchema = z.object({
  seq: checkpointSchema.shape.seq.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});

/** @see pullQuerySchema */
export type PullQuery = z.infer<typeof pullQuerySchema>;
