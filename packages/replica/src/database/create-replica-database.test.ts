import { COLLECTIONS } from "@countertop/sync-protocol";
import { OPEN_COLLECTIONS } from "rxdb";
import { getRxStorageMemory } from "rxdb/plugins/storage-memory";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "../testing/test-database.ts";
import { RXDB_COLLECTION_LIMIT, createReplicaDatabase } from "./create-replica-database.ts";
import { POS_COLLECTIONS, POS_PUSH_COLLECTIONS, STOREFRONT_COLLECTIONS, STOREFRONT_PUSH_COLLECTIONS } from "./profiles.ts";

describe("createReplicaDatabase", () => {
  it("opens the POS's twelve collections, within RxDB's limit", async () => {
    const database = await openTestDatabase(POS_COLLECTIONS);
    expect(Object.keys(database.collections).sort()).toEqual([...COLLECTIONS].sort());
    expect(POS_COLLECTIONS.length).toBeLessThan(RXDB_COLLECTION_LIMIT);
  });

  it("opens only the storefront's collections", async () => {
    const database = await openTestDatabase(STOREFRONT_COLLECTIONS);
    expect(Object.keys(database.collections).sort()).toEqual([...STOREFRONT_COLLECTIONS].sort());
    expect(database.collections).not.toHaveProperty("sales");
  });

  it("gives its collections back to the realm's limit when closed", async () => {
    const before = OPEN_COLLECTIONS.size;
    const database = await createReplicaDatabase({
      name: "closing",
      storage: getRxStorageMemory(),
      collections: STOREFRONT_COLLECTIONS,
      multiInstance: false,
    });
    expect(OPEN_COLLECTIONS.size).toBe(before + STOREFRONT_COLLECTIONS.length);
    await database.close();
    expect(OPEN_COLLECTIONS.size).toBe(before);
  });

  it("lets the POS and the storefront databases follow each other in one realm once closed", async () => {
    for (const collections of [POS_COLLECTIONS, STOREFRONT_COLLECTIONS, POS_COLLECTIONS]) {
      const database = await createReplicaDatabase({
        name: "one-at-a-time",
        storage: getRxStorageMemory(),
        collections,
        multiInstance: false,
      });
      await database.close();
    }
    expect(OPEN_COLLECTIONS.size).toBe(0);
  });

  it.each([
    ["an unknown collection", ["products", "carts"]],
    ["a repeated collection", ["products", "products"]],
    ["no collection", []],
  ])("refuses %s before opening anything", async (_label, collections) => {
    const creating = createReplicaDatabase({
      name: "refused",
      storage: getRxStorageMemory(),
      collections: collections as never,
      multiInstance: false,
    });
    await expect(creating).rejects.toThrow(TypeError);
    expect(OPEN_COLLECTIONS.size).toBe(0);
  });

  it("does not validate writes unless asked to (dev-mode is off in this file)", async () => {
    const database = await openTestDatabase(["staff"]);
    expect(database.storage.name).toBe("memory");
  });
});

describe("profiles", () => {
  it("a till pushes only what a device may write, never stock levels; the storefront pushes only the shopper's profile", () => {
    expect([...POS_PUSH_COLLECTIONS].sort()).toEqual(["customers", "orders", "sales", "shifts"]);
    for (const name of POS_PUSH_COLLECTIONS) expect(POS_COLLECTIONS).toContain(name);
    expect(STOREFRONT_PUSH_COLLECTIONS).toEqual(["customers"]);
    for (const name of STOREFRONT_PUSH_COLLECTIONS) expect(STOREFRONT_COLLECTIONS).toContain(name);
  });
});
