import type { Table } from "dexie";
import { getChangedDocumentsSince, type RxCollection, type RxDocumentData, type RxStorageInstance } from "rxdb";
import { fromDexieToStorage } from "rxdb/plugins/storage-dexie";

/** Where a read of RxDB's change feed stopped: the last document's write time and id (RxDB's own checkpoint). */
export interface ChangeCheckpoint {
  readonly id: string;
  readonly lwt: number;
}

/** What RxDB's Dexie storage keeps of a collection (`storageInstance.internals`, resolved). */
interface DexieInternals {
  readonly dexieTable: Table<Record<string, unknown>, string>;
  readonly booleanIndexes: string[];
}

/**
 * The documents of `collection` written after `checkpoint`, at most `limit`, in write order, and
 * the checkpoint after them: RxDB's `getChangedDocumentsSince`, for the till's background readers
 * (the catalog, the report store). In the browser RxDB keeps a collection in a Dexie table of its
 * own with a `[_meta.lwt+id]` index: one `getAll` over it reads a page in one round-trip, where
 * RxDB's own read walks a cursor document by document — and holds a read transaction on the
 * collection all that while, which a sale's write then waits for. Elsewhere (the in-memory storage
 * of tests) RxDB's own read. The Dexie layout is RxDB's, not a documented API: re-check it on RxDB
 * upgrades (`changed-since.test.ts` checks the fallback agrees; every POS journey reads through it).
 */
export async function changedSince<T>(
  collection: RxCollection,
  limit: number,
  checkpoint: ChangeCheckpoint | undefined,
): Promise<{ documents: RxDocumentData<T>[]; checkpoint: ChangeCheckpoint | undefined }> {
  const storage = collection.storageInstance as unknown as RxStorageInstance<T, unknown, unknown, ChangeCheckpoint>;
  const dexie = (await (storage.internals as unknown)) as Partial<DexieInternals> | undefined;
  if (!dexie?.dexieTable || !dexie.booleanIndexes) return getChangedDocumentsSince(storage, limit, checkpoint);
  const { dexieTable: table, booleanIndexes } = dexie;
  const index = "[_meta.lwt+id]";
  const rows = await (checkpoint ? table.where(index).above([checkpoint.lwt, checkpoint.id]) : table.orderBy(index)).limit(limit).toArray();
  const documents = rows.map((row) => fromDexieToStorage<T>(booleanIndexes, row));
  const last = documents[documents.length - 1] as (RxDocumentData<T> & { id: string }) | undefined;
  return { documents, checkpoint: last ? { id: last.id, lwt: last._meta.lwt } : checkpoint };
}
