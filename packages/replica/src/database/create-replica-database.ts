import { isCollectionName } from "@countertop/sync-protocol/client";
import type { CollectionDocument, CollectionName } from "@countertop/sync-protocol";
import { type RxCollection, type RxDatabase, type RxStorage, addRxPlugin, createRxDatabase, overwritable } from "rxdb";
import { rxSchemas } from "../schemas/rx-schemas.ts";

/**
 * RxDB's free tier opens at most this many collections per JS realm (tab, worker, Node process),
 * across all databases. Close a database (`await database.close()`) before opening another one
 * that would pass the limit; RxDB waits briefly and then throws `COL23`.
 */
export const RXDB_COLLECTION_LIMIT = 13;

/** The RxDB collections of a replica, typed by the documents of `@countertop/sync-protocol`. */
export type ReplicaCollections<N extends CollectionName = CollectionName> = {
  [K in N]: RxCollection<CollectionDocument<K>>;
};

/** An RxDB database holding the collections `N` of a replica. */
export type ReplicaDatabase<N extends CollectionName = CollectionName> = RxDatabase<ReplicaCollections<N>>;

/** Options of {@link createReplicaDatabase}. */
export interface CreateReplicaDatabaseOptions<N extends CollectionName> {
  /** The database name; use one per tenant (e.g. `"countertop-pos-demo"`): checkpoints belong to a tenant. */
  readonly name: string;
  /** `getRxStorageDexie()` in browsers, `getRxStorageMemory()` in Node tests. Not wrapped with a validator. */
  readonly storage: RxStorage<unknown, unknown>;
  /** The collections to open, e.g. `POS_COLLECTIONS` or `STOREFRONT_COLLECTIONS`. */
  readonly collections: readonly N[];
  /**
   * Adds RxDB's dev-mode plugin (full error messages, schema checks, frozen documents) and validates
   * every write with ajv. Development only: it is slow, and in a browser dev-mode loads a hidden
   * iframe from rxdb.info. Once added, dev-mode stays on for the whole realm.
   */
  readonly devMode?: boolean;
  /** Share the database between tabs (RxDB default `true`); `false` in Node tests. */
  readonly multiInstance?: boolean;
  /** Close an open database of the same name first (hot reload), instead of throwing `DB8`. */
  readonly closeDuplicates?: boolean;
}

/**
 * Creates an RxDB database with the given replicated collections.
 *
 * Opens `collections.length` of the realm's {@link RXDB_COLLECTION_LIMIT} collections until
 * `database.close()`; replication meta data does not count. When a collection can't be created the
 * database is closed again, so a failed call holds nothing open.
 * @example
 * const database = await createReplicaDatabase({
 *   name: `countertop-storefront-${slug}`,
 *   storage: getRxStorageDexie(),
 *   collections: STOREFRONT_COLLECTIONS,
 *   devMode: import.meta.env.DEV,
 * });
 */
export async function createReplicaDatabase<const N extends CollectionName>(
  options: CreateReplicaDatabaseOptions<N>,
): Promise<ReplicaDatabase<N>> {
  const names = checkCollections(options.collections);
  const database = await createRxDatabase<ReplicaCollections<N>>({
    name: options.name,
    storage: await prepareStorage(options.storage, options.devMode === true),
    multiInstance: options.multiInstance ?? true,
    closeDuplicates: options.closeDuplicates ?? false,
  });
  try {
    await database.addCollections(Object.fromEntries(names.map((name) => [name, { schema: rxSchemas[name] }])));
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function checkCollections<N extends CollectionName>(collections: readonly N[]): readonly N[] {
  const unknown = collections.filter((name) => !isCollectionName(name));
  if (unknown.length > 0) throw new TypeError(`unknown collections: ${unknown.join(", ")}`);
  if (new Set(collections).size !== collections.length) throw new TypeError("collections must not repeat");
  if (collections.length === 0) throw new TypeError("open at least one collection");
  return collections;
}

/**
 * The plugins are imported on demand so that production bundles don't carry dev-mode's error
 * texts or ajv. Dev-mode requires a validating storage (`DVM1`) for every database created after it
 * was added, so the storage is wrapped whenever dev-mode is on in this realm, asked for or not.
 */
async function prepareStorage(storage: RxStorage<unknown, unknown>, devMode: boolean): Promise<RxStorage<unknown, unknown>> {
  if (devMode && !overwritable.isDevMode()) {
    const { RxDBDevModePlugin, disableWarnings } = await import("rxdb/plugins/dev-mode");
    disableWarnings(); // the caller opted in; the console banner only says "don't ship this"
    addRxPlugin(RxDBDevModePlugin);
  }
  if (!overwritable.isDevMode() || storage.name.startsWith("validate-")) return storage;
  const { wrappedValidateAjvStorage } = await import("rxdb/plugins/validate-ajv");
  return wrappedValidateAjvStorage({ storage });
}
