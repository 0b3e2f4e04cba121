import type { RxCollection } from "rxdb";
import { dexieTableWith } from "./changed-since";

/**
 * Keys read per slice of {@link countLive}. IndexedDB answers a `count` over an index by walking
 * every entry of the range in one request, and Chromium runs an origin's IndexedDB requests one
 * after another: the report store's one count of 100 000 sales after a first sync held every other
 * read and write of the till for ~1.6 s, a first sale's write among them (454 ms and 476 ms in the
 * bench's first second). A slice of 1 000 keys took 13–36 ms there (up to 84 ms beside the
 * catalog's first reads); 500 keep a sale that comes meanwhile from waiting long behind one.
 */
export const COUNT_SLICE = 500;

/**
 * How many documents of `collection` are not deleted, counted a slice at a time, each slice after
 * `between()` (a background turn): in the browser, RxDB's Dexie table's `[_deleted+<primary key>]`
 * index read {@link COUNT_SLICE} keys at a time in key order; elsewhere (the in-memory storage of
 * tests) RxDB's own count. A document written or deleted during the count may be counted or not.
 * The Dexie layout is RxDB's, not a documented API (as in changed-since.ts): re-check it on RxDB upgrades.
 */
export async function countLive(collection: RxCollection, between: () => Promise<void>, slice = COUNT_SLICE): Promise<number> {
  const index = `[_deleted+${collection.schema.primaryPath}]`;
  const dexie = await dexieTableWith(collection.storageInstance, index);
  if (!dexie) {
    await between();
    return collection.count().exec();
  }
  const table = dexie.dexieTable;
  // RxDB's Dexie layout keeps `_deleted` in its indexes as "0" (not deleted) or "1"; an empty array sorts after every string id.
  const live = (after: string | undefined) =>
    table
      .where(index)
      .between(["0", after ?? ""], ["0", []], after === undefined, true)
      .limit(slice)
      .primaryKeys();
  let count = 0;
  for (let after: string | undefined; ; ) {
    await between();
    const keys = await live(after);
    count += keys.length;
    if (keys.length < slice) return count;
    after = keys[keys.length - 1];
  }
}
