import {
  collectionPushSchema,
  replaceUnstorableDeep,
  type CollectionDocument,
  type CollectionName,
  type PushRequest,
} from "@countertop/sync-protocol";
import { ApiError, ErrorCode } from "../http/errors";

/** A parsed push body, and which documents had text replaced to be storable. */
export interface PushBody<N extends CollectionName> {
  readonly rows: PushRequest<CollectionDocument<N>>;
  readonly replacedText: ReadonlySet<string>;
}

/** Each collection's push schema, built once (zod compiles a schema's checks the first time it parses with it). */
const pushSchemas = new Map<CollectionName, ReturnType<typeof collectionPushSchema>>();
function pushSchemaOf<N extends CollectionName>(collection: N): ReturnType<typeof collectionPushSchema<N>> {
  let schema = pushSchemas.get(collection);
  if (!schema) pushSchemas.set(collection, (schema = collectionPushSchema(collection)));
  return schema as ReturnType<typeof collectionPushSchema<N>>;
}

/**
 * Whether the body's text may hold a character jsonb cannot store: a NUL or a surrogate, escaped
 * or not. Only then are a sale's strings walked to be replaced — most pushes skip rebuilding every
 * document before zod parses it (a valid surrogate pair takes the slow path too, harmlessly).
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const MAYBE_UNSTORABLE = /\\u0000|\\u[dD][89a-fA-F]|[\u0000\uD800-\uDFFF]/;

/** The id of the document at row `index` of a raw body, if it has a readable one. */
function idAt(raw: unknown, index: number): string | undefined {
  const row = Array.isArray(raw) ? (raw[index] as { newDocumentState?: { id?: unknown } } | undefined) : undefined;
  const id = row?.newDocumentState?.id;
  return typeof id === "string" ? id.slice(0, 200) : undefined;
}

/**
 * Reads a push body and parses it with the collection's schema. A sale is never refused for its
 * text: in the `sales` collection, characters the database cannot store are replaced first (and the
 * sale flagged). A body that breaks the schema is a 400 that names the row, the document's id and
 * the field — `details: { row, id, field, issues }` — so a client can set that one row aside.
 */
export function parsePushBody<N extends CollectionName>(collection: N, text: string): PushBody<N> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError(ErrorCode.bad_request, "The body is not valid JSON.");
  }
  const replacedText = new Set<string>();
  if (collection === "sales" && Array.isArray(raw) && MAYBE_UNSTORABLE.test(text)) {
    raw = raw.map((row: unknown, i) => {
      const fixed = replaceUnstorableDeep(row);
      const id = idAt([fixed.value], 0) ?? idAt(raw, i);
      if (fixed.replaced && id !== undefined) replacedText.add(id);
      return fixed.value;
    });
  }
  const parsed = pushSchemaOf(collection).safeParse(raw);
  if (parsed.success) return { rows: parsed.data, replacedText };
  const issue = parsed.error.issues[0];
  const [row, part, ...field] = issue?.path ?? [];
  const index = typeof row === "number" ? row : undefined;
  const id = index === undefined ? undefined : idAt(raw, index);
  const where =
    index === undefined ? "" : `Document ${id ?? `at row ${index}`}${part === "assumedMasterState" ? " (its assumed master state)" : ""}`;
  const fieldName = field.join(".");
  const message = [where, fieldName, issue?.message ?? "invalid body"].filter(Boolean).join(": ");
  throw new ApiError(ErrorCode.bad_request, message, {
    ...(index === undefined ? {} : { row: index }),
    ...(id === undefined ? {} : { id }),
    ...(fieldName ? { field: fieldName } : {}),
    issues: parsed.error.issues.slice(0, 10),
  });
}
