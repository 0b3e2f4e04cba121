import type { CollectionName } from "@countertop/sync-protocol";
import { getRxStorageMemory } from "rxdb/plugins/storage-memory";
import { afterEach } from "vitest";
import { type ReplicaDatabase, createReplicaDatabase } from "../database/create-replica-database.ts";

/*
 * Test helper, not exported from the package: in-memory replica databases that are closed after
 * each test, so that a file never holds more than RxDB's 13 open collections.
 */

export { examples } from "@countertop/sync-protocol/testing";

const open = new Set<ReplicaDatabase<CollectionName>>();
let counter = 0;

afterEach(async () => {
  const databases = [...open];
  open.clear();
  await Promise.all(databases.map((database) => database.close()));
});

/** A fresh in-memory database with `collections`, closed after the current test. */
export async function openTestDatabase<const N extends CollectionName>(
  collections: readonly N[],
  options: { readonly devMode?: boolean } = {},
): Promise<ReplicaDatabase<N>> {
  const database = await createReplicaDatabase({
    name: `test-${process.pid}-${++counter}`,
    storage: getRxStorageMemory(),
    collections,
    devMode: options.devMode ?? false,
    multiInstance: false,
  });
  open.add(database as unknown as ReplicaDatabase<CollectionName>);
  return database;
}
