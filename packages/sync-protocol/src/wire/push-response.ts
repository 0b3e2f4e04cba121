import { z } from "zod";
import { replicatedDocumentSchema, type ReplicatedDocument } from "../documents/replicated-document.ts";
import { MAX_PUSH_ROWS } from "./limits.ts";

/**
 * The answer to a push: the server's current master document for every row that conflicted
 * (`[]` when none). RxDB resolves each conflict and pushes again.
 */
export function pushResponseSchema<T extends z.ZodType>(document: T) {
  return z.array(document).max(MAX_PUSH_ROWS);
}

/** A push answer of any collection: documents are only checked for `id` and `_deleted`. */
export const loosePushResponseSchema = pushResponseSchema(replicatedDocumentSchema);

/** @see pushResponseSchema */
export type PushResponse<T = ReplicatedDocument> = T[];
