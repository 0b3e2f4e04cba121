import { clientPullResponseSchema, clientPushResponseSchema } from "@countertop/sync-protocol/client";
import type { Checkpoint, CollectionName, PushRow, ReplicatedDocument } from "@countertop/sync-protocol";
import type { ReplicationPullHandler, ReplicationPushHandler, RxReplicationWriteToMasterRow } from "rxdb";
import { type SyncRequest, requestJson, syncUrl } from "./http.ts";

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

/**
 * RxDB's pull handler: `GET /sync/v1/{collection}/pull?seq=…&limit=…`, no `seq` before the first
 * checkpoint. Documents are checked only for `id` and `_deleted`, so that a newer server's
 * documents are kept rather than refused.
 */
export function createPullHandler(context: HandlerContext): ReplicationPullHandler<ReplicatedDocument, Checkpoint> {
  return async (checkpoint, batchSize) => {
    const url = syncUrl(context.baseUrl, context.collection, "pull", { seq: checkpoint?.seq, limit: String(batchSize) });
    const body = clientPullResponseSchema.parse(await requestJson(context.request, url, { method: "GET" }));
    return { documents: body.documents, checkpoint: body.checkpoint };
  };
}

/**
 * RxDB's push handler: `POST /sync/v1/{collection}/push` with `[{ assumedMasterState?, newDocumentState }]`;
 * answers the server's master documents that conflict, which RxDB hands to the conflict handler.
 */
export function createPushHandler(context: HandlerContext): ReplicationPushHandler<ReplicatedDocument> {
  return async (rows) => {
    const url = syncUrl(context.baseUrl, context.collection, "push");
    const body = await requestJson(context.request, url, { method: "POST", body: rows.map(toPushRow) });
    return clientPushResponseSchema.parse(body);
  };
}

/** A push row on the wire: `assumedMasterState` left out (not `null`) for a document the client made. */
export function toPushRow(row: RxReplicationWriteToMasterRow<ReplicatedDocument>): PushRow {
  const newDocumentState = toWireDocument(row.newDocumentState);
  return row.assumedMasterState === undefined
    ? { newDocumentState }
    : { assumedMasterState: toWireDocument(row.assumedMasterState), newDocumentState };
}
