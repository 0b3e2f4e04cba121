import { clientPullResponseSchema, readPullPageHeaders, type PullPageHeaders } from "@countertop/sync-protocol/client";
import type { Checkpoint, CollectionName, PushRow, ReplicatedDocument } from "@countertop/sync-protocol";
import type { ReplicationPullHandler, ReplicationPushHandler, RxReplicationWriteToMasterRow } from "rxdb";
import { type SyncRequest, sendSyncRequest, syncUrl } from "./http.ts";
import { type NeedsAttentionRow, pushRows } from "./push-rows.ts";

/** Fields RxDB keeps on stored documents that are not part of the replicated document. */
const INTERNAL_FIELDS = ["_meta", "_rev", "_attachments"] as const;

/**
 * A document as it goes on the wire: without RxDB's internal fields. RxDB's replication already
 * strips them from push rows; this makes sure of it, because the server compares
 * `assumedMasterState` with its own document field by field.
 */
export function toWireDocument<T extends object>(document: T): T {
  if (!INTERNAL_FIELDS.some((field) => field in document)) return document;
  const copy = { ...document } as Record<string, unknown>;
  for (const field of INTERNAL_FIELDS) delete copy[field];
  return copy as T;
}

/** What the handlers of one collection need. */
export interface HandlerContext {
  readonly baseUrl: string;
  readonly collection: CollectionName;
  readonly request: SyncRequest;
}

/** A page of a pull, parsed. */
export interface PulledPage {
  readonly documents: ReplicatedDocument[];
  readonly checkpoint: Checkpoint;
  /** How many documents the pull brings from this page on: on a page from the start, when the server counted them. */
  readonly total?: number;
}

/** A pull page's answer once its headers are in: where the next page begins, and the page to come. */
export interface PullAnswer {
  /**
   * The page's checkpoint, its number of documents and where the page after it ends, from the
   * answer's headers (`PULL_PAGE_HEADERS`), before its body is read; left out when the server did
   * not send them.
   */
  readonly ahead?: PullPageHeaders;
  /** The body, read and checked. */
  readonly page: Promise<PulledPage>;
}

/** Asks for one pull page; resolves once its answer's headers are in. */
export type PagePull = (checkpoint: Checkpoint | undefined, batchSize: number) => Promise<PullAnswer>;

/**
 * `GET /sync/v1/{collection}/pull?seq=…&limit=…`, no `seq` before the first checkpoint, answered
 * as soon as the headers are in, so that a client reading page after page can ask for the next
 * while it reads this one. Documents are checked only for `id` and `_deleted`, so that a newer
 * server's documents are kept rather than refused. A failure, of the request or of its body, goes
 * to `onError` (with its cause) before it is thrown.
 */
export function createPagePull(context: HandlerContext, onError: (error: unknown) => void): PagePull {
  const reported = (error: unknown): never => {
    onError(error);
    throw error;
  };
  return async (checkpoint, batchSize) => {
    const url = syncUrl(context.baseUrl, context.collection, "pull", { seq: checkpoint?.seq, limit: String(batchSize) });
    const response = await sendSyncRequest(context.request, url, { method: "GET", accept: "application/json" }).catch(reported);
    const ahead = readPullPageHeaders((name) => response.headers.get(name));
    const page = response
      .json()
      .then((body) => clientPullResponseSchema.parse(body))
      .then(
        ({ documents, checkpoint: next }) => ({
          documents,
          checkpoint: next,
          ...(ahead?.total !== undefined ? { total: ahead.total } : {}),
        }),
        reported,
      );
    // Reported already; a page asked for ahead and then not wanted is not read by anyone.
    page.catch(() => undefined);
    return ahead ? { ahead, page } : { page };
  };
}

/**
 * Every page of a collection from the start, in order, through `pull`: each next page is asked for
 * as soon as it is known, so that pages arrive while earlier ones are read. A full page's headers
 * say where the next one begins and, when that one is full too, where the one after it begins:
 * both are asked for then (two ahead of the page being read); without headers, the next once this
 * page's body is read. A page is never asked for twice (the pages' starts only go up). Ends after
 * the last page (not full, or empty), at the first page that fails (`pull` reports why), or when
 * `stopped()` before the next page is awaited.
 */
export async function* pagesAhead(pull: PagePull, batchSize: number, stopped: () => boolean): AsyncGenerator<PulledPage> {
  const asked: Promise<PullAnswer>[] = [];
  let askedFrom: bigint | undefined;
  const ask = (checkpoint: Checkpoint | undefined): void => {
    const from = BigInt(checkpoint?.seq ?? -1);
    if (askedFrom !== undefined && from <= askedFrom) return;
    askedFrom = from;
    const answer = pull(checkpoint, batchSize);
    answer.catch(() => undefined);
    asked.push(answer);
  };
  ask(undefined);
  while (asked.length > 0 && !stopped()) {
    const answer = await asked.shift()!.catch(() => undefined);
    if (answer?.ahead && answer.ahead.documents >= batchSize) {
      ask(answer.ahead.checkpoint);
      if (answer.ahead.following) ask(answer.ahead.following);
    }
    const page = await answer?.page.catch(() => undefined);
    if (!page || page.documents.length === 0 || !page.checkpoint) return;
    if (!answer?.ahead && page.documents.length >= batchSize) ask(page.checkpoint);
    yield page;
  }
}

/** RxDB's pull handler: a {@link PagePull}, answered with the whole page. */
export function createPullHandler(pull: PagePull): ReplicationPullHandler<ReplicatedDocument, Checkpoint> {
  return async (checkpoint, batchSize) => (await pull(checkpoint, batchSize)).page;
}

/** Receives the rows a push set aside, before RxDB takes the server's version of them. */
export type NeedsAttentionHandler = (rows: readonly NeedsAttentionRow[]) => Promise<void> | void;

/**
 * RxDB's push handler: {@link pushRows} (`POST /sync/v1/{collection}/push`, detailed answer, a
 * batch the server can't take split down to its bad rows). Rows the server refused or could not
 * take go to `onNeedsAttention` first — awaited, so a copy is kept before RxDB overwrites the local
 * document with the server's; if keeping them fails, the push fails and RxDB retries it.
 *
 * A refused row's server document is among the conflicts already. An invalid row is answered with
 * its own state as the master's: RxDB then takes the local document as in sync and stops pushing
 * it (it would fail every time and hold up nothing but itself), while the kept copy waits for a person.
 */
export function createPushHandler(
  context: HandlerContext,
  onNeedsAttention?: NeedsAttentionHandler,
): ReplicationPushHandler<ReplicatedDocument> {
  return async (rows) => {
    const outcome = await pushRows(context.request, context.baseUrl, context.collection, rows.map(toPushRow));
    const setAside = [...outcome.refused, ...outcome.invalid];
    if (setAside.length > 0) await onNeedsAttention?.(setAside);
    return [...outcome.conflicts, ...outcome.invalid.map((entry) => entry.row.newDocumentState)];
  };
}

/** A push row on the wire: `assumedMasterState` left out (not `null`) for a document the client made. */
export function toPushRow(row: RxReplicationWriteToMasterRow<ReplicatedDocument>): PushRow {
  const newDocumentState = toWireDocument(row.newDocumentState);
  return row.assumedMasterState === undefined
    ? { newDocumentState }
    : { assumedMasterState: toWireDocument(row.assumedMasterState), newDocumentState };
}
