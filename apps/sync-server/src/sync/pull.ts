import type { CollectionDocument, CollectionName, ReplicatedDocument } from "@countertop/sync-protocol";
import type { Kysely } from "kysely";
import pg from "pg";
import type { DeferredStanding } from "../auth/auth.middleware";
import { callerStateStatement, type CallerStateRow } from "../auth/standing.repository";
import type { Database } from "../db/schema";
import { readAsTenant } from "../db/tenant-scope";
import type { PullAccess } from "./access";

/** One page of changes after a checkpoint, its documents already JSON text as the answer sends them. */
export interface PullPage {
  /** The documents as the inside of a JSON array: `{…},{…}` (empty when there is nothing new). */
  readonly documentsJson: string;
  /** How many documents the page holds. */
  readonly count: number;
  readonly checkpoint: { readonly seq: string };
  /** Where the page after this one ends, when this page and that one are both full (asked for with {@link PageQuery.following}). */
  readonly following?: { readonly seq: string };
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
}

/** `{"documents":[…],"checkpoint":{"seq":"…"}}`: a page as pull answers it (and a per-collection stream sends it). */
export function pageJson(page: PullPage): string {
  return `{"documents":[${page.documentsJson}],"checkpoint":${JSON.stringify(page.checkpoint)}}`;
}

/** The documents of a page, parsed (tests and callers that look inside). */
export function pageDocuments(page: PullPage): ReplicatedDocument[] {
  return JSON.parse(`[${page.documentsJson}]`) as ReplicatedDocument[];
}

const DIGITS = /^\d{1,19}$/;

/**
 * The documents of `collection` written after `since` in `seq` order, at most `limit`, in one
 * round trip. With nothing new the incoming checkpoint is echoed. `seq` is commit-ordered (see
 * `takeSeqs`), so a page never skips a row that was still committing when the previous page was
 * read. PostgreSQL joins the documents' text into one value: the server splices it into the answer
 * without parsing and re-serialising every document — unless the caller sees documents rewritten
 * (`access.show`, a shopper's public view). A caller's standing left to the page (`standing`) is
 * read by the same statement and settled before the page is returned (a refusal throws, and the
 * page read with it is dropped).
 */
export async function pullPage<N extends CollectionName>(
  db: Kysely<Database>,
  tenantId: string,
  collection: N,
  query: PageQuery<N>,
): Promise<PullPage> {
  const { since, limit, access, standing } = query;
  if (!standing && access.only && access.only.value === null) return { documentsJson: "", count: 0, checkpoint: { seq: since } };
  if (!DIGITS.test(since) || !Number.isSafeInteger(limit) || limit < 1) throw new Error(`bad page: since ${since}, limit ${limit}`);
  const only = access.only
    ? `and ${pg.escapeIdentifier(access.only.column)} = ${access.only.value === null ? "null" : pg.escapeLiteral(access.only.value)}`
    : "";
  const rows = `from ${pg.escapeIdentifier(collection)} where tenant_id = ${pg.escapeLiteral(tenantId)} and seq > ${since} ${only} order by seq`;
  // The page after this one ends at the (2 × limit)th row: a subquery PostgreSQL runs only when the
  // CASE asks for it, so a page that is not full (a live pull's) costs nothing more. Its column is
  // named apart from `seq`: ORDER BY would take an output column of that name, and sort it as text.
  const following = query.following
    ? `, case when count(*) = ${limit} then (select seq::text as following ${rows} offset ${2 * limit - 1} limit 1) end`
    : ", null";
  // No ORDER BY in the aggregate: PostgreSQL 15 would sort the page's documents again (a copy of
  // every document's text) though the page below already comes in order — and a page's order does
  // not matter to the client, which stores it as one write and goes on from its last `seq`.
  const page = `select coalesce(string_agg(doc::text, ','), '') as docs, count(*)::int as count, max(seq)::text as last${following} as following
       from (select seq, doc ${rows} limit ${limit}) as page`;
  const [row] = await readAsTenant<
    { docs: string; count: number; last: string | null; following: string | null } & Partial<CallerStateRow>
  >(
    db,
    tenantId,
    standing
      ? `select caller.status, caller.status_reason, caller.device, caller.session, page.docs, page.count, page.last, page.following
           from (${callerStateStatement(standing.caller, standing.now)}) as caller cross join (${page}) as page`
      : page,
  );
  standing?.settle(row as CallerStateRow | undefined);
  const count = row?.count ?? 0;
  const checkpoint = { seq: row?.last ?? since };
  const ahead = row?.following ? { following: { seq: row.following } } : {};
  if (!access.show || count === 0) return { documentsJson: row?.docs ?? "", count, checkpoint, ...ahead };
  const shown = (JSON.parse(`[${row!.docs}]`) as CollectionDocument<N>[]).map(access.show);
  return { documentsJson: JSON.stringify(shown).slice(1, -1), count, checkpoint, ...ahead };
}
