import { fromDexieRow } from "@countertop/replica";
import type { Table } from "dexie";
import { getChangedDocumentsSince, type RxCollection, type RxDocumentData, type RxStorage, type RxStorageInstance } from "rxdb";

/** Where a read of RxDB's change feed stopped: the last document's write time and id (RxDB's own checkpoint). */
export interface ChangeCheckpoint {
  readonly id: string;
  readonly lwt: number;
}

/** What RxDB's Dexie storage keeps of a collection (`storageInstance.internals`, resolved). */
export interface DexieInternals {
  readonly dexieTable: Table<Record<string, unknown>, string>;
  readonly booleanIndexes: string[];
}

/** RxDB's index of a collection's writes in order (write time, then id) in its Dexie table. */
const CHANGE_INDEX = "[_meta.lwt+id]";

/**
 * RxDB's Dexie table of a storage instance with the index `index`, or `undefined` on any other
 * storage (the in-memory one of tests), where the caller uses RxDB's own API instead.
 */
export async function dexieTableWith(instance: { readonly internals: unknown }, index: string): Promise<DexieInternals | undefined> {
  const dexie = (await instance.internals) as Partial<DexieInternals> | undefined;
  return dexie?.booleanIndexes && dexie.dexieTable?.schema.idxByName[index] ? (dexie as DexieInternals) : undefined;
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
  const dexie = await dexieTableWith(storage, CHANGE_INDEX);
  if (!dexie) return getChangedDocumentsSince(storage, limit, checkpoint);
  return readChanges<T>(dexie, limit, checkpoint);
}

/** A page of RxDB's change feed read straight from its Dexie table: one bounded `getAll` over {@link CHANGE_INDEX}. */
async function readChanges<T>(
  dexie: DexieInternals,
  limit: number,
  checkpoint: ChangeCheckpoint | undefined,
): Promise<{ documents: RxDocumentData<T>[]; checkpoint: ChangeCheckpoint | undefined }> {
  const { dexieTable: table, booleanIndexes } = dexie;
  const rows = await (checkpoint ? table.where(CHANGE_INDEX).above([checkpoint.lwt, checkpoint.id]) : table.orderBy(CHANGE_INDEX))
    .limit(limit)
    .toArray();
  const documents = rows.map((row) => fromDexieRow<T>(booleanIndexes, row));
  const last = documents[documents.length - 1] as (RxDocumentData<T> & { id: string }) | undefined;
  return { documents, checkpoint: last ? { id: last.id, lwt: last._meta.lwt } : checkpoint };
}

/**
 * `storage` with a change feed read by {@link readChanges}' index `getAll` on every instance it
 * creates. RxDB's Dexie storage has no `getChangedDocumentsSince` of its own, so RxDB answers it
 * with a query whose `$or` on `_meta.lwt` its planner cannot bound: every page walked the rest of
 * the collection in one read transaction. With 100 000 sales in the replica each page of the
 * replication's upstream and of the waiting-sales count held the sales store ~750 ms, and a sale's
 * write queued behind it (the till took about a second per sale offline). The same documents in
 * the same order, from the same `[_meta.lwt+id]` index RxDB keeps for exactly this.
 */
export function withFastChangeFeed<S extends RxStorage<unknown, unknown>>(storage: S): S {
  return Object.assign(Object.create(storage) as S, {
    async createStorageInstance(params: Parameters<S["createStorageInstance"]>[0]) {
      const instance = await storage.createStorageInstance(params);
      // Only where the table is RxDB's Dexie layout with the index read (else RxDB's own read stays).
      const internals = await dexieTableWith(instance, CHANGE_INDEX);
      if (!internals) return instance;
      instance.getChangedDocumentsSince = async (limit: number, checkpoint?: unknown) => {
        const page = await readChanges<unknown>(internals, limit, checkpoint as ChangeCheckpoint | undefined);
        return { documents: page.documents, checkpoint: page.checkpoint ?? { id: "", lwt: 0 } } as never;
      };
      return instance;
    },
  });
}
