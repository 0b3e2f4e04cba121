import { createReplicaDatabase, startReplication, type ReplicaDatabase, type ReplicaSync } from "@countertop/replica";
import { readPullPageHeaders, type CollectionName } from "@countertop/sync-protocol";
import type { RxStorage } from "rxdb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSale, variantsOf, type TestVariant } from "../testing/fixtures";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/*
 * A replica that has never synced takes its first pull page by page straight into its storage
 * (packages/replica first-sync.ts), then RxDB's replication goes on from there. Against the whole
 * server over real HTTP: what lands, what is never pushed back, what later changes still reach the
 * replica, and a page that fails half-way. Each storage a replica keeps runs these in a test file
 * of its own: RxDB's dev-mode, once on, stays on for the whole realm.
 */

export const COLLECTIONS = ["products", "sales", "shifts", "stock_levels"] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** The replica's storage, and whether RxDB's dev-mode (with its validating storage) is on. */
export interface FirstSyncStorage {
  readonly name: string;
  readonly storage: () => RxStorage<unknown, unknown>;
  readonly devMode: boolean;
  /**
   * Keep the replications live until the test cancels them. A replication that is not live stops
   * once in sync and closes its meta data, which RxDB's in-memory storage still reads but its
   * Dexie storage refuses to (the checkpoint and waiting counts the tests read).
   */
  readonly live?: boolean;
}

/** What a storage's own tests (`more` of {@link describeFirstSync}) use; the server's parts are set before the tests run. */
export interface FirstSyncContext {
  readonly server: TestServer;
  readonly baseUrl: string;
  readonly manager: string;
  readonly till: { id: string; token: string; locationId: string };
  /** Every request of the replications, as "METHOD url". */
  readonly requests: string[];
  /** Awaited before each request of the replications, with its url. */
  beforeRequest?: ((url: string) => Promise<void>) | undefined;
  openClient(): Promise<ReplicaDatabase<Collection>>;
  /** A till's replication of the client, pages of 10, counting every request. */
  replicate(database: ReplicaDatabase<Collection>): ReplicaSync<Collection>;
  serverIds(collection: CollectionName): Promise<string[]>;
  localIds(database: ReplicaDatabase<Collection>, collection: Collection): Promise<string[]>;
}

let counter = 0;

/** The first sync's tests on `storage`, on each database engine; `more` adds the storage's own. */
export function describeFirstSync(storage: FirstSyncStorage, more?: (context: FirstSyncContext) => void): void {
  function openClient(): Promise<ReplicaDatabase<Collection>> {
    return createReplicaDatabase({
      name: `first-sync-test-${process.pid}-${++counter}`,
      storage: storage.storage(),
      collections: COLLECTIONS,
      devMode: storage.devMode,
      multiInstance: false,
    });
  }

  describe.each(ENGINES)(`a replica's first sync in bulk (${storage.name} storage) on %s`, (engine) => {
    let server: TestServer;
    let baseUrl: string;
    let manager: string;
    let till: { id: string; token: string; locationId: string };
    let variants: TestVariant[];
    const requests: string[] = [];
    /** Fails the request it says yes to, once. */
    let failOnce: ((url: string) => boolean) | undefined;
    /** Answers a request in place of the server's answer. */
    let answer: ((url: string, response: Response) => Promise<Response>) | undefined;

    beforeAll(async () => {
      server = await startTestServer(engine);
      baseUrl = await server.listen();
      manager = await server.login(DEMO.manager.email, DEMO.manager.password);
      till = await server.registerTill(manager, "First sync");
      const other = await server.registerTill(manager, "Another till");
      variants = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 });
      // 45 sales on the server, rung up on another till.
      const sales = Array.from({ length: 45 }, (_, i) =>
        makeSale({ registerId: other.id, locationId: other.locationId, lines: [{ variant: variants[i % variants.length]!, qty: 1 }] }),
      );
      const pushed = await server.call("POST", "/sync/v1/sales/push", {
        token: other.token,
        body: sales.map((s) => ({ newDocumentState: s })),
      });
      expect(pushed.status).toBe(200);
    });
    afterAll(async () => {
      await server?.close();
    });

    /** A till's replication of the client, pages of 10, counting every request. */
    function replicate(database: ReplicaDatabase<Collection>): ReplicaSync<Collection> {
      return startReplication({
        database,
        baseUrl,
        token: () => till.token,
        push: ["sales", "shifts"],
        live: storage.live ?? false,
        waitForLeadership: false,
        retryTime: 50,
        pullBatchSize: 10,
        fetch: async (input, init) => {
          requests.push(`${init?.method ?? "GET"} ${input}`);
          await context.beforeRequest?.(String(input));
          if (failOnce?.(input)) {
            failOnce = undefined;
            return new Response(JSON.stringify({ error: { code: "unavailable", message: "try later" } }), { status: 503 });
          }
          const response = await fetch(input, init);
          return answer ? answer(String(input), response) : response;
        },
      });
    }

    async function serverIds(collection: CollectionName): Promise<string[]> {
      return (await pullAll(server, till.token, collection, 1000)).docs
        .filter((d) => !d._deleted)
        .map((d) => d.id)
        .sort();
    }
    async function localIds(database: ReplicaDatabase<Collection>, collection: Collection): Promise<string[]> {
      return (await database.collections[collection].find().exec()).map((d) => String(d.primary)).sort();
    }

    it("stores every page of a fresh replica, pushes none of it back, and then syncs as before", async () => {
      const database = await openClient();
      requests.length = 0;
      try {
        const sync = replicate(database);
        const pages: { collection: string; documents: number; expected?: number }[] = [];
        sync.bulkReceived$.subscribe((page) => pages.push(page));
        // Asked before the sales' replication has started: it answers once it has, and counts none of the bulk.
        const pendingAtStart = sync.countPending("sales");
        await sync.awaitInitialSync();
        expect(await pendingAtStart).toBe(0);

        for (const name of COLLECTIONS) expect({ name, ids: await localIds(database, name) }).toEqual({ name, ids: await serverIds(name) });
        // The pull-only and append-only collections came in bulk, page by page (pages of 10); shifts through RxDB.
        const salesPages = pages.filter((p) => p.collection === "sales");
        expect(salesPages.length).toBeGreaterThanOrEqual(5);
        expect(salesPages.reduce((n, p) => n + p.documents, 0)).toBe((await serverIds("sales")).length);
        expect(pages.some((p) => p.collection === "products")).toBe(true);
        expect(pages.some((p) => p.collection === "shifts")).toBe(false);
        // Each told once what the server counted at its first page (the progress' whole), all of them together.
        const counts = pages.filter((p) => p.expected !== undefined);
        for (const name of ["products", "sales"] as const) {
          expect(counts.filter((p) => p.collection === name)).toEqual([
            { collection: name, documents: 0, expected: (await serverIds(name)).length },
          ]);
        }
        const told = pages.indexOf(counts[0]!);
        expect(pages.slice(told, told + counts.length)).toEqual(counts);
        // Nothing pulled is taken for a local write: no push, nothing waiting, and RxDB's checkpoint is the last page's.
        await sync.awaitInSync();
        expect(requests.filter((r) => r.startsWith("POST"))).toEqual([]);
        expect(await sync.countPending()).toBe(0);
        expect(await sync.checkpointOf("sales")).toBe((await pullAll(server, till.token, "sales", 1000)).seq);
        // Nor walked through for a push: RxDB's upstream of a collection the till never pushes begins after the bulk.
        expect(sync.states.products.internalReplicationState?.stats.up.persistToMaster).toBe(0);
        await sync.cancel();

        // A sale rung up afterwards is pushed, and only it.
        const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variants[0]!, qty: 1 }] });
        await database.sales.insert(sale as never);
        requests.length = 0;
        const again = replicate(database);
        const bulkAgain: unknown[] = [];
        again.bulkReceived$.subscribe((page) => bulkAgain.push(page));
        await again.awaitInitialSync();
        await again.awaitInSync();
        await again.cancel();
        expect(bulkAgain).toEqual([]);
        expect(requests.filter((r) => r.startsWith("POST"))).toEqual([`POST ${baseUrl}/sync/v1/sales/push`]);
        expect(await serverIds("sales")).toContain(sale.id);
      } finally {
        await database.close();
      }
    });

    it("takes a later change of a document it stored in bulk, and a till's change to its shift lands on the server", async () => {
      // A shift of this till on the server before its first sync.
      const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variants[1]!, qty: 1 }] });
      const shift = {
        id: String(sale.shiftId),
        registerId: till.id,
        locationId: till.locationId,
        status: "open",
        openedBy: String(sale.staffId),
        openedAt: new Date().toISOString(),
        openingFloat: 5000,
        cashMovements: [],
        _deleted: false,
      };
      expect((await server.call("POST", "/sync/v1/shifts/push", { token: till.token, body: [{ newDocumentState: shift }] })).status).toBe(
        200,
      );
      const database = await openClient();
      try {
        const first = replicate(database);
        await first.awaitInitialSync();
        await first.cancel();

        // The manager renames a product the till stored in bulk; the till closes its shift.
        const product = (await pullAll(server, manager, "products", 1000)).docs[0]!;
        const renamed = { ...product, name: "Renamed by the manager", updatedAt: new Date().toISOString() };
        const push = await server.call("POST", "/sync/v1/products/push", {
          token: manager,
          body: [{ assumedMasterState: product, newDocumentState: renamed }],
        });
        expect(push.status).toBe(200);
        const local = await database.shifts.findOne(shift.id).exec();
        const payIn = {
          id: sale.id,
          kind: "pay_in",
          amount: 1000,
          reason: "Change from the bank",
          at: new Date().toISOString(),
          staffId: shift.openedBy,
        };
        await local!.incrementalPatch({ cashMovements: [payIn] } as never);

        const second = replicate(database);
        await second.awaitInitialSync();
        await second.awaitInSync();
        await second.cancel();
        expect((await database.products.findOne(product.id).exec())?.name).toBe("Renamed by the manager");
        const onServer = (await pullAll(server, till.token, "shifts", 1000)).docs.find((s) => s.id === shift.id);
        expect(onServer).toMatchObject({ cashMovements: [{ reason: "Change from the bank", amount: 1000 }] });
      } finally {
        await database.close();
      }
    });

    it("goes on from the last page it stored when a page fails", async () => {
      const database = await openClient();
      try {
        const sync = replicate(database);
        const errors: string[] = [];
        sync.error$.subscribe((event) => errors.push(`${event.collection} ${event.source}`));
        // The third page of sales fails once: the first sync stops there, and RxDB's replication pulls the rest.
        let salesPages = 0;
        failOnce = (url) => url.includes("/sync/v1/sales/pull") && ++salesPages === 3;
        await sync.awaitInitialSync();
        await sync.awaitInSync();
        await sync.cancel();
        expect(failOnce).toBeUndefined();
        expect(errors).toContain("sales pull");
        expect(await localIds(database, "sales")).toEqual(await serverIds("sales"));
      } finally {
        await database.close();
      }
    });

    /** The sales pulls asked for so far. */
    const salesPulls = () => requests.filter((request) => request.includes("/sync/v1/sales/pull"));
    /** Whether a sales pull after the `n`th is asked for within 2 s (the client asks as soon as it knows, whatever the server's speed). */
    const askedAfter = async (n: number): Promise<boolean> => {
      const until = Date.now() + 2_000;
      while (salesPulls().length <= n + 1 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
      return salesPulls().length > n + 1;
    };

    it("asks for the next page as soon as a page's headers are in, before reading its body", async () => {
      const database = await openClient();
      // Each full page of sales keeps its body back until a later page has been asked for, or 2 s have passed.
      let keptWaiting = 0;
      let full = 0;
      answer = async (url, response) => {
        if (!url.includes("/sync/v1/sales/pull") || readPullPageHeaders((name) => response.headers.get(name))?.documents !== 10) {
          return response;
        }
        full++;
        const n = salesPulls().lastIndexOf(`GET ${url}`);
        const body = new Uint8Array(await response.arrayBuffer());
        const held = new ReadableStream<Uint8Array>({
          async start(controller) {
            if (!(await askedAfter(n))) keptWaiting++;
            controller.enqueue(body);
            controller.close();
          },
        });
        return new Response(held, { status: response.status, headers: response.headers });
      };
      await firstSyncHeldBack(database, () => ({ held: full, keptWaiting }), 4);
    });

    it("asks for the page after next as soon as a page's headers say where the next one ends", async () => {
      const database = await openClient();
      // From the second on, each full page of sales is answered only once the page after it has been
      // asked for, or 2 s have passed: a client that asked for one page ahead would wait every time.
      const first = salesPulls().length;
      let keptWaiting = 0;
      let held = 0;
      answer = async (url, response) => {
        const n = salesPulls().lastIndexOf(`GET ${url}`);
        if (n < first + 1 || readPullPageHeaders((name) => response.headers.get(name))?.documents !== 10) return response;
        held++;
        if (!(await askedAfter(n))) keptWaiting++;
        return response;
      };
      await firstSyncHeldBack(database, () => ({ held, keptWaiting }), 3);
    });

    /**
     * A first sync with some pages held back by `answer` (then taken away): at least `atLeast` were
     * held, none kept waiting until its time ran out, and every sale came.
     */
    async function firstSyncHeldBack(
      database: ReplicaDatabase<Collection>,
      counts: () => { held: number; keptWaiting: number },
      atLeast: number,
    ): Promise<void> {
      try {
        const sync = replicate(database);
        await sync.awaitInitialSync();
        await sync.cancel();
        expect(counts().held).toBeGreaterThanOrEqual(atLeast);
        expect(counts().keptWaiting).toBe(0);
        expect(await localIds(database, "sales")).toEqual(await serverIds("sales"));
      } finally {
        answer = undefined;
        await database.close();
      }
    }

    const context: FirstSyncContext = {
      get server() {
        return server;
      },
      get baseUrl() {
        return baseUrl;
      },
      get manager() {
        return manager;
      },
      get till() {
        return till;
      },
      requests,
      openClient,
      replicate,
      serverIds,
      localIds,
    };
    more?.(context);
  });
}
