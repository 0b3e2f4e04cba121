import type { CollectionName } from "@countertop/sync-protocol";
import { MAX_PULL_LIMIT } from "@countertop/sync-protocol/client";
import type { ReplicaDatabase } from "../database/create-replica-database.ts";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "../testing/test-database.ts";
import { startReplication } from "./start-replication.ts";

/** A server that answers every pull with one empty page, and remembers what was asked. */
function emptyServer() {
  const urls: URL[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    urls.push(new URL(String(input)));
    return new Response(JSON.stringify({ documents: [], checkpoint: { seq: "0" } }), {
      headers: { "content-type": "application/json" },
    });
  };
  return { urls, fetch: fetch as typeof globalThis.fetch };
}

/** A replication of `database` against `fetch`, not live, in this tab alone. */
const oneShot = <N extends CollectionName>(database: ReplicaDatabase<N>, fetch: typeof globalThis.fetch) =>
  ({ database, baseUrl: "http://sync.test", token: () => "t", fetch, live: false, waitForLeadership: false }) as const;

describe("startReplication's page sizes", () => {
  it("pulls in pages of pullBatchSize, up to the server's largest", async () => {
    const database = await openTestDatabase(["categories"]);
    const server = emptyServer();
    const sync = startReplication({ ...oneShot(database, server.fetch), pullBatchSize: MAX_PULL_LIMIT });
    await sync.awaitInitialSync();
    await sync.cancel();
    const pulls = server.urls.filter((u) => u.pathname === "/sync/v1/categories/pull");
    expect(pulls.length).toBeGreaterThan(0);
    expect(pulls.map((u) => u.searchParams.get("limit"))).toEqual(pulls.map(() => String(MAX_PULL_LIMIT)));
  });

  it("refuses a pull page larger than the server serves", async () => {
    const database = await openTestDatabase(["categories"]);
    const options = { database, baseUrl: "", token: () => "t", live: false, waitForLeadership: false };
    expect(() => startReplication({ ...options, pullBatchSize: MAX_PULL_LIMIT + 1 })).toThrow(RangeError);
    expect(() => startReplication({ ...options, pullBatchSize: 0 })).toThrow(RangeError);
  });
});

describe("startReplication's start", () => {
  it("asks the server for nothing until startAfter resolves, then syncs", async () => {
    const database = await openTestDatabase(["categories"]);
    const server = emptyServer();
    let go!: () => void;
    const sync = startReplication({ ...oneShot(database, server.fetch), startAfter: new Promise<void>((resolve) => (go = resolve)) });
    await new Promise((r) => setTimeout(r, 50));
    expect(server.urls).toEqual([]);
    go();
    await sync.awaitInitialSync();
    await sync.cancel();
    expect(server.urls.some((u) => u.pathname === "/sync/v1/categories/pull")).toBe(true);
  });
});

describe("startReplication's reconnect", () => {
  it("sends what waits behind the backoff at once when the caller finds the server answering again", async () => {
    const database = await openTestDatabase(["categories"]);
    const server = emptyServer();
    let down = true;
    let asked = 0;
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      asked++;
      if (down) throw new TypeError("fetch failed");
      return server.fetch(input, init);
    }) as typeof globalThis.fetch;
    const sync = startReplication({
      database,
      baseUrl: "http://sync.test",
      token: () => "t",
      fetch,
      live: false,
      waitForLeadership: false,
      retryTime: 10,
      // A minute's wait after the first failure: nothing is asked again in this test but for reconnect.
      backoff: { base: 60_000, cap: 60_000 },
    });
    const errors: unknown[] = [];
    const watch = sync.error$.subscribe((event) => errors.push(event.error));
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    down = false;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = asked;
    expect(server.urls).toHaveLength(0);
    sync.reconnect();
    await sync.awaitInitialSync();
    expect(asked).toBeGreaterThan(before);
    expect(server.urls.some((u) => u.pathname === "/sync/v1/categories/pull")).toBe(true);
    watch.unsubscribe();
    await sync.cancel();
  });
});
