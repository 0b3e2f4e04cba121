import { z } from "zod";
import { idSchema } from "../primitives.ts";

/**
 * What every replicated document has: an `id` and the RxDB tombstone flag. Deleted documents stay
 * as tombstones with `_deleted: true`.
 *
 * Documents are loose objects: unknown fields pass through untouched, so a client or server one
 * version behind keeps fields it doesn't know yet instead of erasing them on the next write.
 * Server-managed fields (`seq`, server timestamps) are never part of a document.
 */
export const replicatedDocumentSchema = z.looseObject({
  id: idSchema,
  _deleted: z.boolean(),
});

/** Any replicated document, as far as the sync layer needs to know it. */
export type ReplicatedDocument = z.infer<typeof replicatedDocumentSchema>;
