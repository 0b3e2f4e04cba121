import { z } from "zod";
import { replicatedDocumentSchema, type ReplicatedDocument } from "../documents/replicated-document.ts";
import { MAX_PUSH_ROWS } from "./limits.ts";

/**
 * One pushed change, as RxDB sends it: the document the client last saw from the server
 * (absent for a document the client created) and the document it wants stored.
 */
export function pushRowSchema<T extends z.ZodType>(document: T) {
  return z.object({
    assumedMasterState: document.optional(),
    newDocumentState: document,
  });
}

/** @see pushRowSchema */
export interface PushRow<T = ReplicatedDocument> {
  assumedMasterState?: T | undefined;
  newDocumentState: T;
}

/**
 * The body of `POST /sync/v1/{collection}/push`: up to {@link MAX_PUSH_ROWS} rows, applied in one
 * transaction. Pushing the same rows again is a no-op.
 * @example
 * const rows = pushRequestSchema(collectionSchemas[name]).safeParse(await c.req.json());
 */
export function pushRequestSchema<T extends z.ZodType>(document: T) {
  return z.array(pushRowSchema(document)).max(MAX_PUSH_ROWS);
}

/** A push body of any collection: documents are only checked for `id` and `_deleted`. */
export const loosePushRequestSchema = pushRequestSchema(replicatedDocumentSchema);

/** @see pushRequestSchema */
export type PushRequest<T = ReplicatedDocument> = PushRow<T>[];
