import { MAX_PULL_LIMIT } from "@countertop/sync-protocol/client";
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

describe("startReplication's page sizes", () => {
  it("pulls in pages of pullBatchSize, up to the server's largest", async () => {
    const database = await openTestDatabase(["categories"]);
    const server = emptyServer();
    const sync = startReplication({
      database,
      baseUrl: "http://sync.test",
      token: () => "t",
      fetch: server.fetch,
      live: false,
      waitForLeadership: false,
      pullBatchSize: MAX_PULL_LIMIT,
    });
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
