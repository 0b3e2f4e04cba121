import type { CollectionDocument, CollectionName } from "@countertop/sync-protocol";
import pg from "pg";
import type { DeferredStanding } from "../auth/auth.middleware";
import { callerStateStatement, type CallerStateRow } from "../auth/standing.repository";
import { copyTuples } from "../db/copy-out";
import { copyAsTenant } from "../db/tenant-scope";
import type { AppDeps } from "../http/app-env";
import type { PullAccess } from "./access";

/** One page of changes after a checkpoint, its documents already JSON as the answer sends them. */
export interface PullPage {
  /** Each document's JSON text in UTF-8, in `seq` order, as PostgreSQL wrote it (empty when there is nothing new). */
  readonly documents: readonly Buffer[];
  readonly checkpoint: { readonly seq: string };
  /** Where the page after this one ends, when this page and that one are both full (asked for with {@link PageQuery.following}). */
  readonly following?: { readonly seq: string };
  /** How many documents there are from this page on, this page's among them (asked for with {@link PageQuery.total}). */
  readonly total?: number;
}

/** Which page of a collection to read, and for whom. */
export interface PageQuery<N extends CollectionName> {
  /** The checkpoint `seq` the page begins after. */
  readonly since: string;
  readonly limit: number;
  readonly access: PullAccess<N>;
  /** A caller's standing left to the page: read by the same statement and settled before the page is returned. */
  readonly standing?: DeferredStanding | undefined;
  /**
   * Also where the page after this one ends ({@link PullPage.following}), so that a client reading
   * page after page can ask for two pages ahead: one look along the collection's `(tenant_id, seq)`
   * index, in the same statement, made only when this page is full.
   */
  readonly following?: boolean;
  /**
   * Also how many documents there are from this page on ({@link PullPage.total}): a first sync's
   * progress. A count along the same index, in the same statement; asked for on a pull's first page only.
   */
  readonly total?: boolean;
}

const COMMA = Buffer.from(",");

/**
 * `{"documents":[…],"checkpoint":{"seq":"…"}}`: a page as pull answers it (and a stream sends it),
 * in UTF-8, its documents' bytes copied in as they are. `fields` go first (`"collection":"sales",`).
 */
export function pageBody(page: PullPage, fields = ""): Buffer<ArrayBuffer> {
  const parts: Buffer[] = [Buffer.from(`{${fields}"documents":[`)];
  page.documents.forEach((doc, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(doc);
  });
  parts.push(Buffer.from(`],"checkpoint":${JSON.stringify(page.checkpoint)}}`));
  return Buffer.concat(parts);
}

const DIGITS = /^\d{1,19}$/;

/**
 * The documents of `collection` written after `since` in `seq` order, at most `limit`, in one
 * round trip. With nothing new the incoming checkpoint is echoed. `seq` is commit-ordered (see
 * `takeSeqs`), so a page never skips a row that was still committing when the previous page was
 * read. The rows come as a binary COPY: each document's text as PostgreSQL wrote it goes into the
 * answer as bytes, never parsed, re-serialised, or even decoded into a string — unless the caller
 * sees documents rewritten (`access.show`, a shopper's public view). A caller's standing left to
 * the page (`standing`) is read in the same message and settled before the page is returned (a
 * refusal throws, and the page read with it is dropped).
 */
export async function pullPage<N extends CollectionName>(
  deps: Pick<AppDeps, "copyOut">,
  tenantId: string,
  collection: N,
  query: PageQuery<N>,
): Promise<PullPage> {
  const { since, limit, access, standing } = query;
  if (!standing && access.only && access.only.value === null)
    return { documents: [], checkpoint: { seq: since }, ...(query.total ? { total: 0 } : {}) };
  if (!DIGITS.test(since) || !Number.isSafeInteger(limit) || limit < 1) throw new Error(`bad page: since ${since}, limit ${limit}`);
  const only = access.only
    ? `and ${pg.escapeIdentifier(access.only.column)} = ${access.only.value === null ? "null" : pg.escapeLiteral(access.only.value)}`
    : "";
  // A till's window (sales, stock movements): only callers of the shop's staff are given one.
  const recent = access.window
    ? `and ${pg.escapeIdentifier(access.window.column)} >= ${pg.escapeLiteral(access.window.from)}::timestamptz`
    : "";
  const matching = `from ${pg.escapeIdentifier(collection)} where tenant_id = ${pg.escapeLiteral(tenantId)} and seq > ${since} ${only} ${recent}`;
  const rows = `${matching} order by seq`;
  const before: string[] = [];
  if (standing) before.push(callerStateStatement(standing.caller, standing.now));
  // What the page's headers say beyond the page, in one row after the caller's standing.
  const ahead: string[] = [];
  // The page after this one ends at the (2 × limit)th row: one look along the `(tenant_id, seq)`
  // index, which reads no further than the rows there are (a live pull's few cost next to nothing).
  // Its column is named apart from `seq`: ORDER BY would take an output column of that name.
  if (query.following) ahead.push(`(select seq::text as following ${rows} offset ${2 * limit - 1} limit 1) as following`);
  if (query.total) ahead.push(`(select count(*) ${matching}) as total`);
  if (ahead.length > 0) before.push(`select ${ahead.join(", ")}`);
  const { rowSets, copied } = await copyAsTenant(deps.copyOut, tenantId, before, `select seq, doc ${rows} limit ${limit}`);
  standing?.settle(rowSets[0]?.[0] as CallerStateRow | undefined);
  const beyond = ahead.length > 0 ? (rowSets.at(-1)?.[0] as { following?: string | null; total?: string } | undefined) : undefined;
  let documents: Buffer[] = [];
  let last: Buffer | undefined;
  for (const [seq, doc] of copyTuples(copied)) {
    documents.push(jsonbText(doc!));
    last = seq!;
  }
  // A row that commits between the two statements comes after every row there was (`seq` is commit-ordered).
  const following = documents.length === limit ? beyond?.following : undefined;
  const checkpoint = { seq: last ? last.readBigInt64BE(0).toString() : since };
  const show = access.show;
  if (show) documents = documents.map((doc) => Buffer.from(JSON.stringify(show(JSON.parse(doc.toString()) as CollectionDocument<N>))));
  return {
    documents,
    checkpoint,
    ...(following ? { following: { seq: following } } : {}),
    // int8, as pg reads it: a string.
    ...(beyond?.total !== undefined ? { total: Number(beyond.total) } : {}),
  };
}

/** A `jsonb` value's text from its binary form: a version byte (1), then the text. */
function jsonbText(binary: Buffer): Buffer {
  if (binary[0] !== 1) throw new Error(`jsonb in an unknown binary version ${binary[0]}`);
  return binary.subarray(1);
}
