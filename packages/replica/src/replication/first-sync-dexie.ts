import type { ReplicatedDocument } from "@countertop/sync-protocol";
import { randomToken, type EventBulk, type RxDocumentData, type RxStorageChangeEvent, type RxStorageInstance } from "rxdb";
import { fromStorageToDexie, RX_STORAGE_NAME_DEXIE } from "rxdb/plugins/storage-dexie";
import { fromDexieRow, hasKeyPartStartingWith } from "../database/dexie-rows.ts";

type Stored = RxDocumentData<ReplicatedDocument>;
type ChangeEvent = RxStorageChangeEvent<Stored>;

/** Stores one page of a first sync; resolves with the documents as stored, once they are. */
export type PageWriter = (documents: readonly ReplicatedDocument[]) => Promise<readonly Stored[]>;

/** A document as RxDB stores it: a new one, or the next revision of `previous`. */
export type StoredAs = (doc: ReplicatedDocument, previous?: Stored) => Stored;

/*
 * The parts of IndexedDB used here (the replica's code also runs in Node, with no DOM types).
 */
interface IdbRequest {
  readonly result: unknown;
  onsuccess: (() => void) | null;
}
interface IdbTransaction {
  objectStore(name: string): { put(value: unknown): IdbRequest; get(key: string): IdbRequest };
  readonly error: unknown;
  oncomplete: (() => void) | null;
  onabort: (() => void) | null;
}

/**
 * What RxDB's Dexie storage instance keeps (`RxStorageInstanceDexie`: its `internals`, and the
 * subject its `changeStream()` is made of). Not a documented API: re-check it on RxDB upgrades
 * (the first sync tests on a Dexie replica read every field back through RxDB).
 */
interface DexieInstance {
  readonly storage?: { readonly name?: string };
  readonly internals?: PromiseLike<{
    readonly dexieDb: { backendDB(): { transaction(store: string, mode: "readwrite"): IdbTransaction } };
    readonly dexieTable: { readonly name: string };
    readonly booleanIndexes: readonly string[];
  }>;
  readonly changes$?: { next(bulk: EventBulk<ChangeEvent, { id: string; lwt: number }>): void };
}

/**
 * A first sync's pages written straight into the collection's table of RxDB's Dexie storage, or
 * `undefined` on any other storage (the in-memory one of tests, or one wrapped by dev-mode's
 * validator). RxDB's `bulkWrite` first reads every id of the page to look for conflicts, copies
 * each document key by key, and goes through Dexie's layers; a fresh collection has nothing to
 * conflict with, so here each document is one IndexedDB `put` in one transaction per page, laid
 * out exactly as RxDB's storage lays it out (`fromStorageToDexie`: flags in indexes as "0"/"1").
 * A document that may be there already (stored by an earlier page of this first sync, or written
 * by someone else meanwhile: `writtenByOthers`, the ids of the collection's change events that
 * were not the first sync's) is read and stored as its next revision, as RxDB's conflict path
 * would. After each page, RxDB hears of it the way it hears of its own writes: one event bulk on
 * the storage's change stream (its queries, its document cache, the other tabs).
 *
 * A write by someone else that commits just before a page's transaction, its change event not yet
 * heard, is overwritten by the server's version at revision 1 instead of its next. Only the
 * collections a first sync takes in bulk come here: the ones only the server writes, and the
 * append-only ones whose ids the till that made them mints (the server's version of such an id is
 * that same document).
 */
export async function dexieWriter(
  instance: RxStorageInstance<ReplicatedDocument, unknown, unknown, unknown>,
  storedAs: StoredAs,
  context: string,
  writtenByOthers: ReadonlySet<string>,
): Promise<PageWriter | undefined> {
  const dexie = instance as unknown as DexieInstance;
  const changes = dexie.changes$;
  if (dexie.storage?.name !== RX_STORAGE_NAME_DEXIE || !dexie.internals || typeof changes?.next !== "function") return undefined;
  const { dexieDb, dexieTable, booleanIndexes } = await dexie.internals;
  const table = dexieTable.name;
  const flags = [...booleanIndexes];
  // `fromStorageToDexie` copies every document key by key, to rename keys (or dotted parts of keys) that begin with "|" (RxDB's
  // key compression, not used here) and to set flags inside objects: only a document that needs it
  // goes through it. IndexedDB clones a value as `put` is called: any other document has its
  // top-level flags set as the table indexes them for that call only, and is not copied (a page's
  // documents are ~1 KB each).
  const nestedFlags = flags.some((flag) => flag.includes("."));
  const putTo = (store: ReturnType<IdbTransaction["objectStore"]>, doc: Stored): void => {
    if (nestedFlags || hasKeyPartStartingWith(doc, "|")) return void store.put(fromStorageToDexie(flags, doc));
    const row = doc as unknown as Record<string, unknown>;
    const before = flags.map((flag) => (flag in row ? { value: row[flag] } : undefined));
    for (const flag of flags) row[flag] = row[flag] ? "1" : "0";
    try {
      store.put(row);
    } finally {
      flags.forEach((flag, i) => {
        const was = before[i];
        if (was) row[flag] = was.value;
        else delete row[flag];
      });
    }
  };
  let bulks = 0;
  const prefix = randomToken(10);
  // The ids this first sync has stored: one that comes again (a newer version in a later page) is
  // read and stored as its next revision. Every other id is not in the table (the collection was
  // empty when the first sync began, and no one else has written it since), so it is `put` without
  // the look-up an `add` makes in IndexedDB for every document (the POS bench's first sync: ~9 % less time).
  const ours = new Set<string>();

  return (documents) =>
    new Promise((resolve, reject) => {
      const written: Stored[] = [];
      const events: ChangeEvent[] = [];
      // Dexie's connection of the moment (it opens another after a version change from another tab).
      const transaction = dexieDb.backendDB().transaction(table, "readwrite");
      const store = transaction.objectStore(table);
      /** `doc` stored as RxDB stores it, over `previous` if there was one, with the event RxDB would emit. */
      const keep = (doc: ReplicatedDocument, previous?: Stored): void => {
        const next = storedAs(doc, previous);
        putTo(store, next);
        written.push(next);
        const event = previous ? changeOf(next, previous) : inserted(next);
        if (event) events.push(event);
      };
      // The last version of a document in the page is the one stored.
      for (const doc of new Map(documents.map((d) => [d.id, d])).values()) {
        if (!ours.has(doc.id) && !writtenByOthers.has(doc.id)) {
          ours.add(doc.id);
          keep(doc);
          continue;
        }
        const read = store.get(doc.id);
        // Not there after all: a page before this one that was not stored (the first sync stops there).
        read.onsuccess = () =>
          keep(
            doc,
            read.result === undefined ? undefined : fromDexieRow<ReplicatedDocument>(flags, read.result as Record<string, unknown>),
          );
      }
      // A request that fails aborts the transaction, and with it the page.
      transaction.oncomplete = () => {
        const newest = written.reduce<Stored | undefined>((a, b) => (!a || b._meta.lwt >= a._meta.lwt ? b : a), undefined);
        if (events.length > 0 && newest) {
          changes.next({ id: `${prefix}${++bulks}`, events, checkpoint: { id: newest.id, lwt: newest._meta.lwt }, context });
        }
        resolve(written);
      };
      transaction.onabort = () => reject(transaction.error ?? new Error(`the first sync's write to ${table} was aborted`));
    });
}

/** RxDB's change event for a document stored where there was none (none for a deleted one). */
function inserted(doc: Stored): ChangeEvent | undefined {
  return doc._deleted ? undefined : { documentId: doc.id, operation: "INSERT", documentData: doc, previousDocumentData: undefined };
}

/** RxDB's change event for `next` stored over `previous`, as its `categorizeBulkWriteRows` makes it. */
function changeOf(next: Stored, previous: Stored): ChangeEvent {
  if (next._deleted) return { documentId: next.id, operation: "DELETE", documentData: next, previousDocumentData: previous };
  if (previous._deleted) return { documentId: next.id, operation: "INSERT", documentData: next, previousDocumentData: undefined };
  return { documentId: next.id, operation: "UPDATE", documentData: next, previousDocumentData: previous };
}
