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

/** A pushed row the caller may not write: its id, why (an error code) and a message for people. */
export const refusedRowSchema = z.object({
  id: z.string().max(200),
  code: z.string().max(100),
  message: z.string().max(2000),
});

/** @see refusedRowSchema */
export type RefusedRow = z.infer<typeof refusedRowSchema>;

/**
 * The detailed answer to a push (asked for with `x-countertop-detail: 1`). A refused row is also in
 * `conflicts`, with the server's current document (or a bare tombstone when the server has none), so
 * that a plain RxDB client converges; `refused` says which rows were refused and why, so that a
 * client can keep what a person typed before it accepts the server's version.
 * @example
 * { "conflicts": [{ "id": "p1", … }], "refused": [{ "id": "p1", "code": "forbidden", "message": "A till may not change products." }] }
 */
export function pushDetailResponseSchema<T extends z.ZodType>(document: T) {
  return z.object({ conflicts: pushResponseSchema(document), refused: z.array(refusedRowSchema).max(MAX_PUSH_ROWS) });
}

/** A detailed push answer of any collection: documents are only checked for `id` and `_deleted`. */
export const loosePushDetailResponseSchema = pushDetailResponseSchema(replicatedDocumentSchema);

/** @see pushDetailResponseSchema */
export interface PushDetailResponse<T = ReplicatedDocument> {
  conflicts: T[];
  refused: RefusedRow[];
}
