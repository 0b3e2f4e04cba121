import { z } from "zod";
import type { CollectionName } from "../collection-names.ts";
import { checkpointSchema } from "./checkpoint.ts";
import { MAX_PULL_LIMIT } from "./limits.ts";
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

/**
 * The JSON in the `data:` of one event of the multiplexed `GET /sync/v1/stream?collections=a,b`:
 * new documents of one of the listed collections with that collection's checkpoint, or `"RESYNC"`
 * (sent first, and after any gap: every listed collection pulls from its checkpoint).
 * @example
 * const event = looseMultiStreamEventSchema.parse(JSON.parse(message.data));
 * if (event !== "RESYNC") streams[event.collection].next({ documents: event.documents, checkpoint: event.checkpoint });
 */
export const looseMultiStreamEventSchema = z.union([
  z.literal(RESYNC),
  z.object({
    // Any name, not only today's: a client routes the collections it asked for and ignores the rest.
    collection: z.string().min(1).max(64),
    documents: z.array(replicatedDocumentSchema).max(MAX_PULL_LIMIT),
    checkpoint: checkpointSchema,
  }),
]);

/** @see looseMultiStreamEventSchema */
export type MultiStreamEvent<T = ReplicatedDocument> =
  typeof RESYNC | { collection: CollectionName; documents: T[]; checkpoint: PullResponse<T>["checkpoint"] };
