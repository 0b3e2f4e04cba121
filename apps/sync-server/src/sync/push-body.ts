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
  if (collection === "sales" && Array.isArray(raw)) {
    raw = raw.map((row: unknown, i) => {
      const fixed = replaceUnstorableDeep(row);
      const id = idAt([fixed.value], 0) ?? idAt(raw, i);
      if (fixed.replaced && id !== undefined) replacedText.add(id);
      return fixed.value;
    });
  }
  const parsed = collectionPushSchema(collection).safeParse(raw);
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
