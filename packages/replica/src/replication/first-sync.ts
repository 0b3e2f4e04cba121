import type { Checkpoint, ReplicatedDocument } from "@countertop/sync-protocol";
import { dexieWriter, type PageWriter, type StoredAs } from "./first-sync-dexie.ts";
import { pagesAhead, type PagePull } from "./handlers.ts";
import {
  createRevision,
  getChangedDocumentsSince,
  now,
  type RxCollection,
  type RxDocumentData,
  type RxStorageInstance,
  type RxStorageWriteError,
  type RxStorageWriteErrorConflict,
} from "rxdb";

/** A collection as its replication holds it (`RxReplicationState.collection`). */
type ReplicatedCollection = RxCollection<ReplicatedDocument, unknown, unknown, unknown>;

/**
 * The documents of one write through a storage's `bulkWrite` (any storage but RxDB's Dexie one): a
 * first sync's pages are gathered up to this. RxDB's in-memory storage merges every write into a new
 * copy of each of its sorted indexes, so its cost per document falls with the write's size: 100 000
 * sales in writes of 1 000 took 1.9–2.0 s, in writes of 5 000 1.0–1.05 s (10 000: 0.9–1.0 s).
 */
export const STORAGE_WRITE_DOCUMENTS = 5_000;

/** The context of the first sync's own writes, so that a write by anyone else during it can be told apart. */
const FIRST_SYNC_CONTEXT = "countertop-first-sync";

/** Where the fork's change feed stands (RxDB's storage checkpoint: the last write's time, then its id). */
export interface StorageCheckpoint {
  readonly id: string;
  readonly lwt: number;
}

/** Where RxDB's replication of a collection starts after {@link firstSyncInBulk} (its `initialCheckpoint`s). */
export interface BulkStart {
  /** The last page written: RxDB's downstream pulls on from here. */
  readonly downstream?: Checkpoint;
  /** Why a page could not be stored (the replication pulls on from {@link downstream}). */
  readonly error?: unknown;
  /**
   * The last document written: RxDB's upstream pushes only what was written after it. Left out when
   * anything else wrote to the collection during the first sync: the upstream then looks at every
   * document (pushing the pulled ones back changes nothing on the server), so no local write is skipped.
   */
  readonly upstream?: StorageCheckpoint;
}

/** What {@link firstSyncInBulk} needs of one collection. */
export interface FirstSyncOptions {
  readonly collection: ReplicatedCollection;
  /** The replication's `replicationIdentifier`: its documents carry RxDB's mark of having come from it. */
  readonly replicationIdentifier: string;
  /** One page from the server, headers first (the replication's own pull). */
  readonly pull: PagePull;
  readonly batchSize: number;
  /** Stops between pages (the replication was cancelled). */
  readonly cancelled: () => boolean;
  /** Called after each page is stored, with its number of documents. */
  readonly onPage?: (documents: number) => void;
  /** Called once the first page is in, with how many documents the server counted for the whole first sync (when it did). */
  readonly onTotal?: (documents: number) => void;
}

/**
 * Whether none of `collections` holds a document, deleted or not: a replica that has never synced.
 * Only such a replica takes its first sync in bulk.
 */
export async function isFreshReplica(collections: readonly ReplicatedCollection[]): Promise<boolean> {
  for (const collection of collections) {
    const page = await getChangedDocumentsSince(collection.storageInstance, 1);
    if (page.documents.length > 0) return false;
  }
  return true;
}

/**
 * A collection's first sync, written page by page straight to its storage, then handed to RxDB's
 * replication to go on from where it stopped. RxDB's replication does, for every page it pulls, a
 * read of the local documents, a read and a write of its own bookkeeping (a copy of each document
 * as the server last had it) and a checkpoint; a replica that has never synced has nothing to
 * compare, so here each page is one write, and the next two pages are asked for as soon as this
 * one's headers say where they begin ({@link pagesAhead}). On RxDB's Dexie storage
 * (the apps') that write goes straight into IndexedDB ({@link dexieWriter}); elsewhere through the
 * storage's `bulkWrite`, pages gathered into writes of {@link STORAGE_WRITE_DOCUMENTS}.
 *
 * Each document is stored as RxDB's downstream stores it, with RxDB's mark of the replication it
 * came from (`_meta.o`): a later pull of a newer version overwrites it, though there is no
 * bookkeeping row for it. Without that row a pushed collection's upstream would take every pulled
 * document for a local write: {@link BulkStart.upstream} starts it after them.
 *
 * Stops at the first failure (the replication then pulls on from the last page stored): a page
 * that could not be fetched (its pull handler reports that), or one that could not be stored (returned
 * as `error`); and between pages when cancelled.
 */
export async function firstSyncInBulk(options: FirstSyncOptions): Promise<BulkStart> {
  const { collection, batchSize } = options;
  // The storage itself, not RxDB's wrapper around it: the wrapper gives every written document a new
  // `_meta` of its own (one write time for the batch, no mark of the replication).
  const storage = collection.internalStorageInstance as RxStorageInstance<ReplicatedDocument, unknown, unknown, unknown>;
  const hash = await collection.database.hashFunction(`rxdbreplication${options.replicationIdentifier}`);
  // Writes by anyone else during the first sync: the ids, so that none is overwritten unread.
  const foreign = new Set<string>();
  const watch = storage.changeStream().subscribe((bulk) => {
    if (bulk.context !== FIRST_SYNC_CONTEXT) for (const event of bulk.events) foreign.add(event.documentId);
  });
  let downstream: Checkpoint | undefined;
  let last: StorageCheckpoint | undefined;
  let failure: unknown;
  // A page's documents are this first sync's own (parsed from the server's answer, handed to no one
  // else): each becomes the document as RxDB stores it in place, not as a copy (~4 µs a sale).
  const stored = (doc: ReplicatedDocument, previous?: RxDocumentData<ReplicatedDocument>): RxDocumentData<ReplicatedDocument> => {
    const _rev = createRevision(hash, previous);
    const row = doc as Record<string, unknown>;
    row._deleted = doc._deleted === true;
    row._attachments = {};
    row._rev = _rev;
    // RxDB's write time: increasing, so the page's last document is the change feed's newest.
    row._meta = { lwt: now(), o: { _rev: Number.parseInt(_rev, 10), hash } };
    return row as RxDocumentData<ReplicatedDocument>;
  };
  const notStored = (error: unknown): Error => new Error(`the first sync could not store ${collection.name}: ${JSON.stringify(error)}`);
  const newer = (doc: RxDocumentData<ReplicatedDocument>): void => {
    const lwt = doc._meta.lwt;
    if (!last || lwt > last.lwt || (lwt === last.lwt && doc.id > last.id)) last = { id: doc.id, lwt };
  };
  // Straight into RxDB's Dexie table where the replica keeps one, a write per page; else through the
  // storage's bulkWrite, pages gathered into writes of STORAGE_WRITE_DOCUMENTS.
  const dexie = await dexieWriter(storage, stored, FIRST_SYNC_CONTEXT, foreign);
  const writePage = dexie ?? storageWriter(storage, stored, notStored);
  const gather = dexie ? 1 : STORAGE_WRITE_DOCUMENTS;
  // Pages fetched and not yet handed to a write (their entries in `pages` below).
  type Held = { readonly documents: readonly ReplicatedDocument[]; readonly entry: { written: boolean } };
  const write = async (group: readonly Held[]): Promise<void> => {
    const written = await writePage(group.length === 1 ? group[0]!.documents : group.flatMap((page) => page.documents));
    for (const doc of written) newer(doc);
    for (const page of group) {
      page.entry.written = true;
      options.onPage?.(page.documents.length);
    }
  };
  // Pages in order with their writes: two writes in flight (one commits while the next is prepared),
  // and the next pages on their way meanwhile ({@link pagesAhead}). The replication goes on after
  // the last page whose writes, and all before it, went through.
  const pages: { checkpoint: Checkpoint; written: boolean }[] = [];
  const inFlight: Promise<void>[] = [];
  let held: Held[] = [];
  let heldDocuments = 0;
  const flush = (): void => {
    if (held.length > 0) inFlight.push(write(held));
    held = [];
    heldDocuments = 0;
  };
  try {
    // A page that fails stops the first sync; the pull has reported why.
    for await (const page of pagesAhead(options.pull, batchSize, options.cancelled)) {
      if (page.total !== undefined) options.onTotal?.(page.total);
      const entry = { checkpoint: page.checkpoint, written: false };
      pages.push(entry);
      held.push({ documents: page.documents, entry });
      heldDocuments += page.documents.length;
      if (heldDocuments >= gather) flush();
      if (inFlight.length >= 2) await inFlight.shift();
    }
    flush();
    for (const writing of inFlight.splice(0)) await writing;
  } catch (error) {
    failure = error;
    await Promise.allSettled(inFlight);
  } finally {
    watch.unsubscribe();
  }
  for (const page of pages) {
    if (!page.written) break;
    downstream = page.checkpoint;
  }
  return {
    ...(downstream ? { downstream } : {}),
    ...(last && foreign.size === 0 ? { upstream: last } : {}),
    ...(failure === undefined ? {} : { error: failure }),
  };
}

/**
 * A first sync's pages through the storage's `bulkWrite`: a document already stored (a newer
 * version came in a later page, or someone wrote it meanwhile) is a conflict, stored again over it.
 */
function storageWriter(
  storage: RxStorageInstance<ReplicatedDocument, unknown, unknown, unknown>,
  stored: StoredAs,
  notStored: (error: unknown) => Error,
): PageWriter {
  return async (documents) => {
    const byId = new Map(documents.map((doc) => [doc.id, doc]));
    const rows = [...byId.values()].map((doc) => ({ document: stored(doc) }));
    const result = await storage.bulkWrite(rows, FIRST_SYNC_CONTEXT);
    const again = result.error.filter(isConflict);
    if (again.length < result.error.length) throw notStored(result.error[0]);
    const replaced = again.map((error) => ({
      previous: error.documentInDb,
      document: stored(byId.get(error.documentId)!, error.documentInDb),
    }));
    if (replaced.length > 0) {
      const retried = await storage.bulkWrite(replaced, FIRST_SYNC_CONTEXT);
      if (retried.error.length > 0) throw notStored(retried.error[0]);
    }
    const failed = new Set(again.map((error) => error.documentId));
    return [...rows.filter((row) => !failed.has(row.document.id)), ...replaced].map((row) => row.document);
  };
}

function isConflict<T>(error: RxStorageWriteError<T>): error is RxStorageWriteErrorConflict<T> {
  return error.status === 409 && "documentInDb" in error && error.documentInDb !== undefined;
}
