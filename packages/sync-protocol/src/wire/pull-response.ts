import { z } from "zod";
import { replicatedDocumentSchema, type ReplicatedDocument } from "../documents/replicated-document.ts";
import { checkpointSchema, type Checkpoint } from "./checkpoint.ts";
import { MAX_PULL_LIMIT } from "./limits.ts";

/**
 * The body of a pull: documents ordered by `seq`, and the checkpoint to send next time. When there
 * is nothing new, `documents` is empty and the incoming checkpoint is echoed.
 * @example
 * const body = pullResponseSchema(collectionSchemas.sales).parse(await res.json());
 */
export function pullResponseSchema<T extends z.ZodType>(document: T) {
  return z.object({
    documents: z.array(document).max(MAX_PULL_LIMIT),
    checkpoint: checkpointSchema,
  });
}

/** A pull body of any collection: documents are only checked for `id` and `_deleted`. */
export const loosePullResponseSchema = pullResponseSchema(replicatedDocumentSchema);

/** @see pullResponseSchema */
export interface PullResponse<T = ReplicatedDocument> {
  documents: T[];
  checkpoint: Checkpoint;
}
