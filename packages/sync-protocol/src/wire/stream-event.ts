import { z } from "zod";
import { replicatedDocumentSchema, type ReplicatedDocument } from "../documents/replicated-document.ts";
import { pullResponseSchema, type PullResponse } from "./pull-response.ts";
import { RESYNC } from "./resync.ts";

export { RESYNC };

/**
 * The JSON in the `data:` of one event of `GET /sync/v1/{collection}/stream`: new documents with
 * their checkpoint, or `"RESYNC"` (JSON-encoded like everything else, so `data: "RESYNC"`).
 * @example
 * const event = streamEventSchema(collectionSchemas.orders).parse(JSON.parse(message.data));
 * pullStream$.next(event); // RxDB takes both shapes as they are
 */
export function streamEventSchema<T extends z.ZodType>(document: T) {
  return z.union([z.literal(RESYNC), pullResponseSchema(document)]);
}

/** A stream event of any collection: documents are only checked for `id` and `_deleted`. */
export const looseStreamEventSchema = streamEventSchema(replicatedDocumentSchema);

/** @see streamEventSchema */
export type StreamEvent<T = ReplicatedDocument> = typeof RESYNC | PullResponse<T>;
