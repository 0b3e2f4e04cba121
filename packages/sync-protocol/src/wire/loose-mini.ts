import * as z from "zod/mini";
import { MAX_PULL_LIMIT, MAX_PUSH_ROWS } from "./limits.ts";
import { RESYNC } from "./resync.ts";
import { fitsBigint, SEQ_DIGITS } from "./seq.ts";

/*
 * The loose wire schemas again, written with `zod/mini` for browser clients: they check the same
 * shapes as `loosePullResponseSchema`, `loosePushResponseSchema` and `looseStreamEventSchema` (a
 * test holds them to it) at a fraction of the bundle — the full zod is ~25 KB gzipped on a shop's
 * first load, these are a few. The server and the contract hash keep the full-zod versions.
 */

/**
 * A document as clients check it: an object with an `id` of 1–100 characters and a boolean
 * `_deleted`, every other field kept. Checked in place, not rebuilt: `looseObject` copies each
 * document field by field, which on a till's first sync is 100 000 copies for nothing.
 */
const document = z.custom<{ id: string; _deleted: boolean; [field: string]: unknown }>((value) => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { id, _deleted } = value as { id?: unknown; _deleted?: unknown };
  return typeof id === "string" && id.length >= 1 && id.length <= 100 && typeof _deleted === "boolean";
}, "expected a document: an object with an id of 1–100 characters and a boolean _deleted");
const checkpoint = z.object({
  seq: z
    .string()
    .check(
      z.regex(SEQ_DIGITS, "expected a seq of decimal digits"),
      z.refine(fitsBigint, "expected a seq no larger than a PostgreSQL bigint"),
    ),
});

/** A pull body of any collection, for clients: documents are only checked for `id` and `_deleted`. */
export const clientPullResponseSchema = z.object({ documents: z.array(document).check(z.maxLength(MAX_PULL_LIMIT)), checkpoint });

/** A push answer of any collection, for clients. */
export const clientPushResponseSchema = z.array(document).check(z.maxLength(MAX_PUSH_ROWS));

/** A stream event of any collection, for clients. */
export const clientStreamEventSchema = z.union([z.literal(RESYNC), clientPullResponseSchema]);

/**
 * An event of the multiplexed stream, for clients. The collection is any name (a newer server may
 * have more); the client routes the events of the collections it asked for.
 */
export const clientMultiStreamEventSchema = z.union([
  z.literal(RESYNC),
  z.object({
    collection: z.string().check(z.minLength(1), z.maxLength(64)),
    documents: z.array(document).check(z.maxLength(MAX_PULL_LIMIT)),
    checkpoint,
  }),
]);

/** A pushed row the server refused: its id, the code and the message (see `refusedRowSchema`). */
const refusedRow = z.object({
  id: z.string().check(z.maxLength(200)),
  code: z.string().check(z.maxLength(100)),
  message: z.string().check(z.maxLength(2000)),
});

/** The detailed push answer `{ conflicts, refused }` (asked for with `x-countertop-detail: 1`), for clients. */
export const clientPushDetailResponseSchema = z.object({
  conflicts: clientPushResponseSchema,
  refused: z.array(refusedRow).check(z.maxLength(MAX_PUSH_ROWS)),
});
