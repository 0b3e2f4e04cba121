/**
 * The first sync's references, in a plain page of another origin than the till's, the till closed: the same
 * documents fetched and parsed, then written by hand-written IndexedDB `put` loops — one bare (one
 * store, no index: the reference), one doing the storage's equal work (a database per
 * collection with the indexes the replica's storage keeps, as it lays documents out).
 */
import { rxSchemas } from "@countertop/replica";
import type { Page } from "@playwright/test";
import { fillWithDefaultSettings } from "rxdb";
import { getDexieStoreSchema } from "rxdb/plugins/storage-dexie";

/** The key paths of the indexes the replica's storage keeps per collection (RxDB's Dexie layout). */
export function replicaIndexes(collections: readonly string[]): Record<string, string[][]> {
  const schemas = rxSchemas as Record<string, unknown>;
  return Object.fromEntries(
    collections.map((name) => {
      // "id, [_deleted+id], [_deleted+name+id], …, _meta.lwt": the primary key first, then the indexes.
      const parts = getDexieStoreSchema(fillWithDefaultSettings(schemas[name] as never))
        .split(", ")
        .slice(1);
      return [name, parts.map((part) => part.replace(/^\[|\]$/g, "").split("+"))];
    }),
  );
}

/** Fetches and parses every collection's pages of 1 000 with a registered till's `token`; keeps them in the page. */
export async function fetchEverything(page: Page, collections: readonly string[], token: string): Promise<number> {
  return page.evaluate(
    async ({ names, token }) => {
      const byCollection: Record<string, unknown[]> = {};
      let count = 0;
      for (const collection of names) {
        const docs: unknown[] = (byCollection[collection] = []);
        for (let seq = "0"; ;) {
          const response = await fetch(`/sync/v1/${collection}/pull?seq=${seq}&limit=1000`, {
            headers: { authorization: `Bearer ${token}` },
          });
          const body = (await response.json()) as { documents: unknown[]; checkpoint: { seq: string } };
          if (body.documents.length === 0) break;
          docs.push(...body.documents);
          seq = body.checkpoint.seq;
        }
        count += docs.length;
      }
      (window as unknown as { benchDocs: Record<string, unknown[]> }).benchDocs = byCollection;
      return count;
    },
    { names: collections, token },
  );
}

/**
 * Seconds to `put` the fetched documents in transactions of 500. With `indexes`, each collection
 * goes to a database of its own with those indexes, its documents as a first sync stores them (its
 * `_deleted` as "0"/"1", RxDB's revision, write time and mark of the replication); without, all go
 * to one store with no index, as they came.
 */
export async function putLoop(page: Page, indexes?: Record<string, string[][]>): Promise<number> {
  return page.evaluate(async (indexesOf) => {
    const byCollection = (window as unknown as { benchDocs: Record<string, { id: string; _deleted?: boolean }[]> }).benchDocs;
    const open = (name: string, keyPaths: string[][]) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => {
          const store = request.result.createObjectStore("docs", { keyPath: "id" });
          keyPaths.forEach((keyPath, i) => store.createIndex(`i${i}`, keyPath.length === 1 ? keyPath[0]! : keyPath));
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const put = (db: IDBDatabase, docs: readonly unknown[]) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction("docs", "readwrite");
        for (const doc of docs) tx.objectStore("docs").put(doc);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    const groups = indexesOf
      ? Object.entries(byCollection).map(([name, docs]) => ({ name: `bench-raw-${name}`, keyPaths: indexesOf[name] ?? [], docs }))
      : [{ name: "bench-raw", keyPaths: [], docs: Object.values(byCollection).flat() }];
    const databases = await Promise.all(groups.map((group) => open(group.name, group.keyPaths)));
    const t0 = performance.now();
    for (const [index, group] of groups.entries()) {
      // As a first sync stores them: RxDB's revision and its mark of the replication they came from,
      // both naming the replication by its SHA-256 (64 hex digits), and its empty attachments.
      const hash = "5e".repeat(32);
      const docs = indexesOf
        ? group.docs.map((doc, i) => ({
            ...doc,
            _deleted: doc._deleted ? "1" : "0",
            _attachments: {},
            _rev: `1-${hash}`,
            _meta: { lwt: Date.now() + i / 1e6, o: { _rev: 1, hash } },
          }))
        : group.docs;
      for (let i = 0; i < docs.length; i += 500) await put(databases[index]!, docs.slice(i, i + 500));
    }
    const seconds = (performance.now() - t0) / 1000;
    for (const [index, db] of databases.entries()) {
      db.close();
      indexedDB.deleteDatabase(groups[index]!.name);
    }
    return seconds;
  }, indexes);
}
