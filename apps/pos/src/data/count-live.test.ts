import { createReplicaDatabase } from "@countertop/replica";
import { examples } from "@countertop/sync-protocol/testing";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import type { RxCollection } from "rxdb";
import { getRxStorageDexie } from "rxdb/plugins/storage-dexie";
import { getRxStorageMemory } from "rxdb/plugins/storage-memory";
import { describe, expect, it } from "vitest";
import { countLive } from "./count-live";

const id = (n: number) => `0193a1b2-0000-7000-8000-${String(n).padStart(12, "0")}`;
let counter = 0;

/** A sales collection on `storage` with `count` sales, the first `deleted` of them then deleted; closed after `use`. */
async function withSales(
  storage: "dexie" | "memory",
  count: number,
  deleted: number,
  use: (sales: RxCollection) => Promise<void>,
): Promise<void> {
  const db = await createReplicaDatabase({
    name: `count-live-${process.pid}-${++counter}`,
    storage: storage === "dexie" ? getRxStorageDexie({ indexedDB, IDBKeyRange }) : getRxStorageMemory(),
    collections: ["sales"],
    multiInstance: false,
  });
  try {
    // Inserted out of key order: the count walks the index in key order, not in the order of writes.
    const ids = Array.from({ length: count }, (_, i) => id((i * 7) % count));
    await db.sales.bulkInsert(ids.map((saleId, i) => ({ ...examples.sales, id: saleId, number: `T1-${i + 1}` })));
    await db.sales.bulkRemove(ids.slice(0, deleted));
    await use(db.sales as unknown as RxCollection);
  } finally {
    await db.remove();
  }
}

describe("counting a collection's documents a slice at a time", () => {
  it("counts what RxDB counts, in slices of keys, each after a turn", async () => {
    await withSales("dexie", 25, 3, async (sales) => {
      let turns = 0;
      const counted = await countLive(sales, async () => void turns++, 10);
      expect(counted).toBe(22);
      expect(counted).toBe(await sales.count().exec());
      // 10, 10 and the last 2.
      expect(turns).toBe(3);
    });
  });

  it("ends with an empty slice when the documents fill the last one exactly, and counts none in an empty collection", async () => {
    await withSales("dexie", 20, 0, async (sales) => {
      let turns = 0;
      expect(await countLive(sales, async () => void turns++, 10)).toBe(20);
      expect(turns).toBe(3);
    });
    await withSales("dexie", 0, 0, async (sales) => {
      expect(await countLive(sales, async () => undefined, 10)).toBe(0);
    });
  });

  it("counts with RxDB's own count, after one turn, on any other storage", async () => {
    await withSales("memory", 25, 3, async (sales) => {
      let turns = 0;
      expect(await countLive(sales, async () => void turns++, 10)).toBe(22);
      expect(turns).toBe(1);
    });
  });
});
