import type { CollectionDocument, CollectionName } from "@countertop/sync-protocol";
import type { JsonSchema, RxJsonSchema, TopLevelProperty } from "rxdb";
import { primaryId } from "./fields.ts";

/**
 * Top-level field names that RxDB lets through although the schema doesn't declare them (RxDB
 * forces `additionalProperties: false` at the top level, but honours `patternProperties`). A newer
 * server may add fields; a replica stores them untouched and sends them back on the next push.
 * Underscore names stay reserved for RxDB (`_meta`, `_rev`, `_attachments`).
 */
export const UNDECLARED_FIELD_PATTERN = "^[a-zA-Z][a-zA-Z0-9_]*$";

/** The RxDB schema of a replicated collection: an {@link RxJsonSchema} plus top-level `patternProperties`. */
export type ReplicaJsonSchema<N extends CollectionName> = RxJsonSchema<CollectionDocument<N>> & {
  readonly patternProperties: Readonly<Record<string, JsonSchema>>;
};

/** What differs between collections; everything else is the same for all of them. */
export interface DocumentSchemaParts {
  readonly title: string;
  /** The fields besides `id` and `_deleted`, which every document has. */
  readonly properties: Readonly<Record<string, TopLevelProperty>>;
  /** Fields every replica of the collection has (the storefront gets public subsets of some). */
  readonly required?: readonly string[];
  readonly indexes?: readonly (string | readonly string[])[];
}

/**
 * Builds the RxDB schema of a collection: version 0, primary key `id`, undeclared top-level fields
 * allowed. Changing the result of an existing collection needs a version bump and a migration
 * strategy, or RxDB refuses to open existing databases (error DB6): `rx-schemas.test.ts` records
 * the hashes to catch that.
 */
export function documentSchema<N extends CollectionName>(parts: DocumentSchemaParts): ReplicaJsonSchema<N> {
  // The Dexie storage (the browsers') refuses an index over a field a document may lack (DXE1).
  const required = new Set(["id", ...(parts.required ?? [])]);
  const loose = (parts.indexes ?? []).flat().filter((field) => !required.has(field));
  if (loose.length > 0) throw new TypeError(`${parts.title}: indexed fields must be required: ${loose.join(", ")}`);
  const schema = {
    title: parts.title,
    version: 0,
    primaryKey: "id",
    type: "object",
    properties: { id: primaryId, ...parts.properties },
    required: ["id", ...(parts.required ?? [])],
    indexes: parts.indexes ?? [],
    patternProperties: { [UNDECLARED_FIELD_PATTERN]: {} },
  };
  // CollectionDocument<N> has an index signature (documents are loose objects), so RxDB's
  // mapped `properties` type is a plain record; the cast only names the document type.
  return schema as unknown as ReplicaJsonSchema<N>;
}
