import { clientPushDetailResponseSchema, clientPushResponseSchema, PUSH_DETAIL_HEADER } from "@countertop/sync-protocol/client";
import type { CollectionName, PushRow, RefusedRow, ReplicatedDocument } from "@countertop/sync-protocol";
import { type SyncRequest, requestJson, syncUrl } from "./http.ts";
import { SyncHttpError } from "./sync-http-error.ts";

/**
 * A pushed row the server did not take, kept so that nothing a person typed is lost: `refused` (the
 * caller may not write it; the server's version comes back as a conflict) or `invalid` (the server
 * answered 400/413 for this row alone: it breaks the schema or a limit).
 */
export interface NeedsAttentionRow {
  readonly collection: CollectionName;
  readonly reason: "refused" | "invalid";
  /** The server's error code (`forbidden`, `bad_request`, …). */
  readonly code: string;
  /** The server's message, for people. */
  readonly message: string;
  /** The row as it was pushed: the local document in `newDocumentState`. */
  readonly row: PushRow;
}

/** What a push did with its rows: the server's conflicting documents, and the rows it did not take. */
export interface PushOutcome {
  /** The server's master documents that conflict, refused rows included (as in the bare answer). */
  readonly conflicts: ReplicatedDocument[];
  readonly refused: NeedsAttentionRow[];
  readonly invalid: NeedsAttentionRow[];
}

/** Statuses that say "this body can't be taken", which splitting the batch narrows down to its rows. */
const ROW_STATUSES: ReadonlySet<number> = new Set([400, 413]);

/**
 * Pushes rows to `POST /sync/v1/{collection}/push` asking for the detailed answer
 * (`x-countertop-detail: 1`). Each row is decided by the server on its own; a batch answered
 * 400 or 413 is split in halves, recursively, until the rows it can't take stand alone — those come
 * back as `invalid` and every other row lands. Other failures (offline, 401, 5xx) throw a
 * {@link SyncHttpError} or the network error, for the caller to retry.
 * @example
 * const outcome = await pushRows({ fetch, token: () => session.token }, "", "orders", [{ newDocumentState: order }]);
 * if (outcome.refused.length > 0) showRefused(outcome.refused);
 */
export async function pushRows(
  request: SyncRequest,
  baseUrl: string,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<PushOutcome> {
  if (rows.length === 0) return { conflicts: [], refused: [], invalid: [] };
  const url = syncUrl(baseUrl, collection, "push");
  let body: unknown;
  try {
    body = await requestJson(request, url, { method: "POST", body: rows, headers: { [PUSH_DETAIL_HEADER]: "1" } });
  } catch (error) {
    if (!(error instanceof SyncHttpError) || !ROW_STATUSES.has(error.status)) throw error;
    if (rows.length === 1) {
      const message = error.serverMessage ?? error.message;
      return {
        conflicts: [],
        refused: [],
        invalid: [{ collection, reason: "invalid", code: error.code ?? "bad_request", message, row: rows[0]! }],
      };
    }
    const half = Math.ceil(rows.length / 2);
    // One half after the other, so rows of one till still reach the server in the order they were made.
    const first = await pushRows(request, baseUrl, collection, rows.slice(0, half));
    const second = await pushRows(request, baseUrl, collection, rows.slice(half));
    return {
      conflicts: [...first.conflicts, ...second.conflicts],
      refused: [...first.refused, ...second.refused],
      invalid: [...first.invalid, ...second.invalid],
    };
  }
  const answer = parsePushAnswer(body);
  const byId = new Map(rows.map((row) => [row.newDocumentState.id, row]));
  const refused = answer.refused.flatMap((r): NeedsAttentionRow[] => {
    const row = byId.get(r.id);
    return row ? [{ collection, reason: "refused", code: r.code, message: r.message, row }] : [];
  });
  return { conflicts: answer.conflicts, refused, invalid: [] };
}

/**
 * The detailed answer `{ conflicts, refused }`, or the bare array of conflicts of a server that
 * doesn't know the header. Documents are only checked for `id` and `_deleted`, as in a pull.
 */
function parsePushAnswer(body: unknown): { conflicts: ReplicatedDocument[]; refused: RefusedRow[] } {
  if (Array.isArray(body)) return { conflicts: clientPushResponseSchema.parse(body), refused: [] };
  return clientPushDetailResponseSchema.parse(body);
}
