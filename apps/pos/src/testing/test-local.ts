import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { afterEach } from "vitest";
import { LocalDatabase } from "../data/local-db";

/*
 * Test helper, never imported by the app: the till's device-local Dexie database on an in-memory
 * IndexedDB (fake-indexeddb), a fresh one per call, closed after each test.
 */

const open = new Set<LocalDatabase>();
let counter = 0;

afterEach(() => {
  for (const db of open) db.close();
  open.clear();
});

/** A fresh, empty device-local database. */
export function openTestLocal(): LocalDatabase {
  const db = new LocalDatabase(`local-test-${++counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  open.add(db);
  return db;
}
