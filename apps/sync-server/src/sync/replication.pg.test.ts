import { createReplicaDatabase, SharedStream, startReplication, type ReplicaDatabase } from "@countertop/replica";
import { COLLECTIONS, type CollectionName } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { getRxStorageMemory } from "rxdb/plugins/storage-memory";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { WireDoc } from "../testing/http-client";
import { makeSale, variantsOf, type TestVariant } from "../testing/fixtures";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/*
 * RxDB's own `replicateRxCollection` (through @countertop/replica) against the whole server over
 * real HTTP. RxDB's free tier opens at most 13 collections per realm, so a test holds either one
 * client of all 12 collections or two clients of 6.
 */

let counter = 0;
function openClient<const N extends CollectionName>(collections: readonly N[]) {
  return createReplicaDatabase({
    name: `replication-test-${process.pid}-${++counter}`,
    storage: getRxStorageMemory(),
    collections,
    devMode: true,
    multiInstance: false,
  });
}

/** Replicates once (pull everything, push everything pending) and stops. */
async function syncOnce<N extends CollectionName>(database: ReplicaDatabase<N>, baseUrl: string, token: string): Promise<void> {
  const sync = startReplication({ database, baseUrl, token: () => token, live: false, waitForLeadership: false });
  const errors: unknown[] = [];
  sync.error$.subscribe((e) => errors.push(e));
  const failed = new Promise<never>((_, reject) =>
    sync.error$.subscribe((e) => reject(new Error(`replication failed: ${e.collection} ${e.source}: ${String(e.error)}`))),
  );
  failed.catch(() => undefined); // raced below; a late error must not go unhandled
  try {
    await Promise.race([sync.awaitInitialSync(), failed]);
  } finally {
    await sync.cancel();
  }
  expect(errors).toEqual([]);
}

const plain = (doc: { toJSON(): unknown }) => doc.toJSON() as WireDoc;

describe.each(ENGINES)("RxDB clients replicating with the server on %s", (engine) => {
  let server: TestServer;
  let baseUrl: string;
  let manager: string;
  let tillA: { id: string; token: string; locationId: string };
  let tillB: { id: string; token: string; locationId: string };
  let variants: TestVariant[];

  beforeAll(async () => {
    server = await startTestServer(engine);
    baseUrl = await server.listen();
    manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    tillA = await server.registerTill(manager, "Till A");
    tillB = await server.registerTill(manager, "Till B");
    variants = variantsOf((await pullAll(server, tillA.token, "products", 1000)).docs, { standard: 1900, reduced: 700 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("replicates every collection into a fresh client, and pushes what the till writes", async () => {
    const database = await openClient(COLLECTIONS);
    try {
      await syncOnce(database, baseUrl, tillA.token);
      for (const name of COLLECTIONS) {
        const onServer = (await pullAll(server, tillA.token, name, 1000)).docs;
        const local = (await database.collections[name].find().exec()).map(plain);
        expect({ name, ids: local.map((d) => d.id).sort() }).toEqual({
          name,
          ids: onServer
            .filter((d) => !d._deleted)
            .map((d) => d.id)
            .sort(),
        });
      }

      const [v] = variants as [TestVariant];
      const levelBefore = (await database.stock_levels.findOne(`${tillA.locationId}:${v.id}`).exec())?.onHand ?? 0;
      const sale = makeSale({ registerId: tillA.id, locationId: tillA.locationId, lines: [{ variant: v, qty: 2 }] });
      const now = new Date().toISOString();
      const shift = {
        id: String(sale.shiftId),
        registerId: tillA.id,
        locationId: tillA.locationId,
        status: "open",
        openedBy: String(sale.staffId),
        openedAt: now,
        openingFloat: 5000,
        cashMovements: [],
        _deleted: false,
      };
      const receive = {
        id: uuidv7(),
        locationId: tillA.locationId,
        variantId: v.id,
        delta: 10,
        reason: "receive",
        deviceId: tillA.id,
        occurredAt: now,
        _deleted: false,
      };
      const customer = { ...examples.customers, id: uuidv7(), name: "Rita Walk-in", email: "rita@example.test", updatedAt: now };
      await database.shifts.insert(shift as never);
      await database.sales.insert(sale as never);
      await database.stock_movements.insert(receive as never);
      await database.customers.insert(customer as never);
      const product = (await database.products.find().exec())[0]!;
      await product.incrementalPatch({ name: "Renamed on till A", updatedAt: now } as never);

      await syncOnce(database, baseUrl, tillA.token);
      await syncOnce(database, baseUrl, tillA.token); // the levels the push moved come back down

      // What a till may write lands: its sale, its shift, a customer.
      const serverSales = (await pullAll(server, tillA.token, "sales", 1000)).docs;
      expect(serverSales.find((s) => s.id === sale.id)).toEqual(sale);
      expect((await pullAll(server, tillA.token, "customers", 1000)).docs.some((c) => c.id === customer.id)).toBe(true);
      // What only a manager may write is refused row by row, and the till's replica takes the server's version back.
      const serverProduct = (await pullAll(server, tillA.token, "products", 1000)).docs.find((p) => p.id === product.id);
      expect(serverProduct?.name).toBe(product.name);
      expect((await database.products.findOne(product.id).exec())?.name).toBe(product.name);
      expect((await pullAll(server, tillA.token, "stock_movements", 1000)).docs.some((m) => m.id === receive.id)).toBe(false);
      const level = (await database.stock_levels.findOne(`${tillA.locationId}:${v.id}`).exec())?.onHand;
      expect(level).toBe(levelBefore - 2);
      const serverLevels = (await pullAll(server, tillA.token, "stock_levels", 1000)).docs;
      const localLevels = (await database.stock_levels.find().exec()).map(plain);
      expect(new Map(localLevels.map((l) => [l.id, l.onHand]))).toEqual(new Map(serverLevels.map((l) => [l.id, l.onHand])));
    } finally {
      await database.close();
    }
  });

  it("two live tills converge, and a change on one reaches the other through the stream", async () => {
    const collections = ["products", "sales", "stock_levels", "customers", "shifts", "stock_movements"] as const;
    const [a, b] = [await openClient(collections), await openClient(collections)];
    const start = (database: typeof a, token: string) =>
      startReplication({ database, baseUrl, token: () => token, streams: collections, waitForLeadership: false, retryTime: 200 });
    const [syncA, syncB] = [start(a, tillA.token), start(b, tillB.token)];
    try {
      await Promise.all([syncA.awaitInitialSync(), syncB.awaitInitialSync()]);
      const products = await a.products.find().exec();
      const [p1, p2, p3] = [products[1]!, products[2]!, products[3]!];

      // A manager renames a product: B sees it without polling (the poll interval is 30 s).
      const before1 = { ...p1.toJSON(), _deleted: false };
      const renamed = await server.call("POST", "/sync/v1/products/push", {
        token: manager,
        body: [{ assumedMasterState: before1, newDocumentState: { ...before1, name: "Streamed rename" } }],
      });
      expect(renamed, JSON.stringify(renamed.body)).toMatchObject({ status: 200, body: [] });
      await vi.waitFor(async () => expect((await b.products.findOne(p1.id).exec())?.name).toBe("Streamed rename"), {
        timeout: 5000,
        interval: 50,
      });

      // A sells: B's stock level moves.
      const v = variants[1]!;
      const id = `${tillA.locationId}:${v.id}`;
      const before = (await b.stock_levels.findOne(id).exec())?.onHand ?? 0;
      await a.sales.insert(makeSale({ registerId: tillA.id, locationId: tillA.locationId, lines: [{ variant: v, qty: 3 }] }) as never);
      await vi.waitFor(async () => expect((await b.stock_levels.findOne(id).exec())?.onHand).toBe(before - 3), {
        timeout: 5000,
        interval: 50,
      });

      // Two managers, on two devices, edit one product at once, different fields: both edits survive on both.
      const [m1, m2] = [await openClient(["products"] as const), await openClient(["products"] as const)];
      const [manager1, manager2] = [manager, await server.login(DEMO.manager.email, DEMO.manager.password)];
      const managed = (database: typeof m1, token: string) =>
        startReplication({ database, baseUrl, token: () => token, streams: ["products"], waitForLeadership: false, retryTime: 200 });
      const [sync1, sync2] = [managed(m1, manager1), managed(m2, manager2)];
      try {
        await Promise.all([sync1.awaitInitialSync(), sync2.awaitInitialSync()]);
        await Promise.all([
          (await m1.products.findOne(p2.id).exec())!.incrementalPatch({ description: "Words from A" } as never),
          (await m2.products.findOne(p2.id).exec())!.incrementalPatch({ name: "Name from B" } as never),
        ]);
        // Both edit the same field: one value wins, the same on both.
        await Promise.all([
          (await m1.products.findOne(p3.id).exec())!.incrementalPatch({ name: "Clash A" } as never),
          (await m2.products.findOne(p3.id).exec())!.incrementalPatch({ name: "Clash B" } as never),
        ]);
        await Promise.all([sync1.awaitInSync(), sync2.awaitInSync()]);
        await vi.waitFor(
          async () => {
            const [docA, docB] = [plain((await m1.products.findOne(p2.id).exec())!), plain((await m2.products.findOne(p2.id).exec())!)];
            expect(docA).toMatchObject({ name: "Name from B", description: "Words from A" });
            expect(docB).toMatchObject({ name: "Name from B", description: "Words from A" });
            const [clashA, clashB] = [(await m1.products.findOne(p3.id).exec())!.name, (await m2.products.findOne(p3.id).exec())!.name];
            expect(["Clash A", "Clash B"]).toContain(clashA);
            expect(clashB).toBe(clashA);
            // And the tills, which only read the catalog, see the same.
            expect((await a.products.findOne(p3.id).exec())!.name).toBe(clashA);
          },
          { timeout: 8000, interval: 100 },
        );
        const serverP3 = (await pullAll(server, tillA.token, "products", 1000)).docs.find((p) => p.id === p3.id);
        expect(serverP3?.name).toBe((await m1.products.findOne(p3.id).exec())!.name);
      } finally {
        await Promise.all([sync1.cancel(), sync2.cancel()]);
        await Promise.all([m1.close(), m2.close()]);
      }
    } finally {
      await Promise.all([syncA.cancel(), syncB.cancel()]);
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("holds one connection for every live collection, reports the till's status, and keeps a dropped old sale on the server", async () => {
    const collections = ["settings", "sales", "categories"] as const;
    const database = await openClient(collections);
    const requested: string[] = [];
    const recording = (input: string, init?: RequestInit) => {
      requested.push(input.replace(baseUrl, ""));
      return fetch(input, init);
    };
    const sync = startReplication({
      database,
      baseUrl,
      token: () => tillA.token,
      fetch: recording,
      push: ["sales"],
      localDeletes: ["sales"],
      statusReport: { appVersion: "9.9.9-test" },
      waitForLeadership: false,
      retryTime: 200,
    });
    try {
      await sync.awaitInitialSync();
      const streams = requested.filter((url) => url.includes("/stream"));
      expect(streams).toEqual(["/sync/v1/stream?collections=settings,sales,categories"]);

      // A manager adds a category: it arrives over that one connection, with no poll (the interval is 30 s).
      const category = { id: uuidv7(), name: "Live on one stream", position: 3, updatedAt: new Date().toISOString(), _deleted: false };
      await server.call("POST", "/sync/v1/categories/push", { token: manager, body: [{ newDocumentState: category }] });
      await vi.waitFor(async () => expect((await database.categories.findOne(category.id).exec())?.name).toBe(category.name), {
        timeout: 5000,
        interval: 50,
      });

      // A sale goes up; the till's report reaches the server: its version, nothing waiting, a recent sync.
      const sale = makeSale({ registerId: tillA.id, locationId: tillA.locationId, lines: [{ variant: variants[2]!, qty: 1 }] });
      await database.sales.insert(sale as never);
      await sync.awaitInSync();
      const statusOf = async () =>
        ((await server.call("GET", "/api/v1/tills/status", { token: manager })).body.tills as WireDoc[]).find((t) => t.id === tillA.id);
      await vi.waitFor(
        async () => {
          const status = await statusOf();
          expect(status).toMatchObject({ appVersion: "9.9.9-test", pending: { sales: 0 }, pendingTotal: 0, connected: true });
          expect(Date.parse(String(status?.lastSyncAt))).toBeGreaterThan(Date.now() - 30_000);
        },
        { timeout: 5000, interval: 100 },
      );

      // The sale leaves the till's window: removed here, never deleted on the server.
      await (await database.sales.findOne(sale.id).exec())!.remove();
      await sync.awaitInSync();
      expect(await database.sales.findOne(sale.id).exec()).toBeNull();
      const onServer = (await pullAll(server, tillA.token, "sales", 1000)).docs.find((d) => d.id === sale.id);
      expect(onServer?._deleted).toBe(false);
      expect(await sync.countPending("sales")).toBe(0);
    } finally {
      await sync.cancel();
      await database.close();
    }
  });

  it("shares one connection between the replicas of a tab, and makes it again when one of them leaves", async () => {
    const requested: string[] = [];
    const recording = (input: string, init?: RequestInit) => {
      requested.push(input.replace(baseUrl, ""));
      return fetch(input, init);
    };
    const stream = new SharedStream({ baseUrl, fetch: recording });
    const [shop, account] = [await openClient(["categories"] as const), await openClient(["settings"] as const)];
    const leaveShop = stream.follow(["categories"], () => tillA.token);
    const leaveAccount = stream.follow(["settings"], () => tillA.token);
    const options = { baseUrl, token: () => tillA.token, fetch: recording, live$: stream, waitForLeadership: false, retryTime: 200 };
    const [a, b] = [startReplication({ database: shop, ...options }), startReplication({ database: account, ...options })];
    try {
      await Promise.all([a.awaitInitialSync(), b.awaitInitialSync()]);
      await vi.waitFor(() =>
        expect(requested.filter((url) => url.includes("/stream"))).toEqual(["/sync/v1/stream?collections=categories,settings"]),
      );
      const category = { id: uuidv7(), name: "Shared stream", position: 4, updatedAt: new Date().toISOString(), _deleted: false };
      await server.call("POST", "/sync/v1/categories/push", { token: manager, body: [{ newDocumentState: category }] });
      await vi.waitFor(async () => expect((await shop.categories.findOne(category.id).exec())?.name).toBe("Shared stream"), {
        timeout: 5000,
      });
      leaveAccount();
      await vi.waitFor(() =>
        expect(requested.filter((url) => url.includes("/stream")).at(-1)).toBe("/sync/v1/stream?collections=categories"),
      );
    } finally {
      leaveShop();
      await Promise.all([a.cancel(), b.cancel()]);
      await Promise.all([shop.close(), account.close()]);
    }
  });
});
