import { createReplicaDatabase } from "@countertop/replica";
import type { ReplicatedDocument } from "@countertop/sync-protocol";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { firstValueFrom, filter } from "rxjs";
import { getRxStorageDexie } from "rxdb/plugins/storage-dexie";
import { getRxStorageMemory } from "rxdb/plugins/storage-memory";
import { expect, it } from "vitest";
import { pullAll } from "../testing/sync-client";
import { COLLECTIONS, describeFirstSync } from "./first-sync.suite";

/*
 * The first sync on RxDB's Dexie storage (IndexedDB in Node by fake-indexeddb), where its pages go
 * straight into RxDB's tables (packages/replica first-sync-dexie.ts) and RxDB hears of them from an
 * event bulk per page: the tests of every storage, then what only that path could get wrong.
 */

const dexie = () => getRxStorageDexie({ indexedDB, IDBKeyRange });

describeFirstSync({ name: "Dexie", storage: dexie, devMode: false, live: true }, (context) => {
  /** A stored document as RxDB hands it out, but for its write time (which no two replicas share). */
  const asStored = (doc: { toJSON(withMeta: true): unknown }) => {
    const json = structuredClone(doc.toJSON(true)) as ReplicatedDocument & { _meta: { lwt?: number } };
    delete json._meta.lwt;
    return json;
  };

  it("reads every document stored in bulk back through RxDB exactly as RxDB's own write stores it", async () => {
    const database = await context.openClient();
    // The same first sync through RxDB's storage bulkWrite (the in-memory storage has no direct path).
    const reference = await createReplicaDatabase({
      name: `first-sync-reference-${process.pid}-${Date.now()}`,
      storage: getRxStorageMemory(),
      collections: COLLECTIONS,
      devMode: false,
      multiInstance: false,
    });
    try {
      for (const db of [database, reference]) {
        const sync = context.replicate(db);
        await sync.awaitInitialSync();
        await sync.cancel();
      }
      for (const name of ["products", "sales"] as const) {
        const server = (await pullAll(context.server, context.till.token, name, 1000)).docs;
        const local = await database.collections[name].find().exec();
        const expected = await reference.collections[name].find().exec();
        expect(local.length).toBe(server.length);
        expect(local.map(asStored)).toEqual(expected.map(asStored));
        // Every field the server sent, as it sent it.
        for (const doc of local) expect({ ...doc.toJSON(), _deleted: false }).toEqual(server.find((s) => s.id === doc.primary));
      }
      // Read by an index (products by name) and by a flag in an index (`_deleted`): as RxDB stores them.
      const byName = await database.products.find({ sort: [{ name: "asc" }] }).exec();
      expect(byName.map((d) => d.name)).toEqual((await reference.products.find({ sort: [{ name: "asc" }] }).exec()).map((d) => d.name));
      expect(await database.products.count().exec()).toBe(await reference.products.count().exec());
    } finally {
      await reference.close();
      await database.close();
    }
  });

  it("shows a query subscribed before the first sync every document stored in bulk", async () => {
    const database = await context.openClient();
    try {
      const products = database.products.find().$;
      const sales = database.sales.count().$;
      const seenProducts: number[] = [];
      const subscription = products.subscribe((docs) => seenProducts.push(docs.length));
      expect(await firstValueFrom(sales)).toBe(0);
      const sync = context.replicate(database);
      await sync.awaitInitialSync();
      await sync.cancel();
      const all = (await context.serverIds("products")).length;
      await firstValueFrom(products.pipe(filter((docs) => docs.length === all)));
      expect(await firstValueFrom(sales)).toBe((await context.serverIds("sales")).length);
      // It saw them arrive page by page (pages of 10), not only at the end.
      expect(seenProducts.filter((n) => n > 0 && n < all).length).toBeGreaterThan(0);
      subscription.unsubscribe();
    } finally {
      await database.close();
    }
  });

  it("stores the server's version of a document someone else wrote during the first sync as its next revision", async () => {
    const database = await context.openClient();
    // The last product the server sends: in the first sync's last page of products.
    const last = (await pullAll(context.server, context.manager, "products", 1000)).docs.at(-1)!;
    try {
      // Another tab writes that product while the till fetches its second page of products.
      let pages = 0;
      context.beforeRequest = async (url) => {
        if (!url.includes("/sync/v1/products/pull") || ++pages !== 2) return;
        await database.products.insert({ ...last, name: "Written by another tab" } as never);
      };
      const sync = context.replicate(database);
      await sync.awaitInitialSync();
      await sync.cancel();
      context.beforeRequest = undefined;
      const stored = await database.products.findOne(last.id).exec();
      expect(stored?.name).toBe(last.name);
      // Over the other tab's write (its first revision), not in place of it.
      expect(stored?.toJSON(true)._rev).toMatch(/^2-/);
      const ids = (await database.products.find().exec()).map((d) => d.primary);
      expect(ids.sort()).toEqual(await context.serverIds("products"));
    } finally {
      context.beforeRequest = undefined;
      await database.close();
    }
  });

  it("stores the newest version of a document that comes again in a later page, once", async () => {
    const database = await context.openClient();
    const first = (await pullAll(context.server, context.manager, "products", 1000)).docs[0]!;
    try {
      const seen: string[] = [];
      const subscription = database.products.findOne(first.id).$.subscribe((doc) => seen.push(String(doc?.name)));
      // The manager renames the first product while the till fetches its second page of products.
      let pages = 0;
      context.beforeRequest = async (url) => {
        if (!url.includes("/sync/v1/products/pull") || ++pages !== 2) return;
        const renamed = { ...first, name: `Renamed during the first sync ${pages}`, updatedAt: new Date().toISOString() };
        const push = await context.server.call("POST", "/sync/v1/products/push", {
          token: context.manager,
          body: [{ assumedMasterState: first, newDocumentState: renamed }],
        });
        expect(push.status).toBe(200);
      };
      const sync = context.replicate(database);
      await sync.awaitInitialSync();
      await sync.cancel();
      context.beforeRequest = undefined;
      const stored = await database.products.findOne(first.id).exec();
      expect(stored?.name).toBe("Renamed during the first sync 2");
      // Its second revision, over the first (as RxDB's own conflict path stores it).
      expect(stored?.toJSON(true)._rev).toMatch(/^2-/);
      const ids = (await database.products.find().exec()).map((d) => d.primary);
      expect(ids.filter((id) => id === first.id)).toHaveLength(1);
      expect(ids.sort()).toEqual(await context.serverIds("products"));
      expect(seen.at(-1)).toBe("Renamed during the first sync 2");
      subscription.unsubscribe();
    } finally {
      context.beforeRequest = undefined;
      await database.close();
    }
  });
});
