import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { multiplexedStream } from "@countertop/replica";
import type { MultiStreamEvent } from "@countertop/sync-protocol";
import { afterAll, describe, expect, inject, it } from "vitest";
import { pullAll, stockMovement } from "./chaos/chaos-shop";
import { startRoundRobinProxy, type RoundRobinProxy } from "./chaos/round-robin-proxy";
import { DEMO } from "./seed/demo";
import { variantsOf } from "./testing/fixtures";
import { callServer } from "./testing/http-client";
import { createScratchDatabase, type ScratchDatabase } from "./testing/scratch-database";
import { startServerProcess, type ServerProcess } from "./testing/server-process";

/** Resolves once `events` holds an event satisfying `test`; rejects after `timeoutMs`. */
async function waitFor<T>(events: readonly T[], test: (event: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = events.find(test);
    if (hit !== undefined) return hit;
    if (Date.now() > deadline) throw new Error(`no such event within ${timeoutMs} ms; got ${JSON.stringify(events).slice(-400)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("two server processes on one PostgreSQL behind a round-robin proxy", () => {
  let scratch: ScratchDatabase | undefined;
  let proxy: RoundRobinProxy | undefined;
  const servers: ServerProcess[] = [];
  const dataDirs: string[] = [];
  let unsubscribe = () => {};
  afterAll(async () => {
    unsubscribe();
    await proxy?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await scratch?.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it("the multiplexed stream held on one process hears commits made through the other, and resyncs on the other after its process dies", async () => {
    scratch = await createScratchDatabase(inject("testDatabaseUrl"), "scaleout");
    const start = () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "ct-scaleout-"));
      dataDirs.push(dataDir);
      // No JWT_SECRET: both processes sign and verify with the keys kept in the database.
      return startServerProcess({ DATABASE_URL: scratch!.url, DATA_DIR: dataDir, STATIC_ROOT: dataDir, PORT: "0", LOG_LEVEL: "error" });
    };
    servers.push(...(await Promise.all([start(), start()])));
    const [one, two] = servers as [ServerProcess, ServerProcess];
    proxy = await startRoundRobinProxy(() => [one.port, two.port]);

    // Signed in through one process, registered through the other.
    const manager = (await callServer(one.baseUrl, "POST", "/api/v1/auth/login", undefined, DEMO.manager)).token as string;
    const till = await callServer(two.baseUrl, "POST", "/api/v1/devices", manager, { name: "Scale-out till" });
    const variant = variantsOf(await pullAll(one.baseUrl, till.token, "products"), { standard: 1900, reduced: 700 })[0]!;
    const levelId = `${till.register.locationId}:${variant.id}`;
    const moveThrough = (server: ServerProcess) =>
      callServer(server.baseUrl, "POST", "/sync/v1/stock_movements/push", manager, [
        stockMovement(till.register.locationId, variant.id, 1),
      ]);
    const levelOf = async () =>
      (await pullAll(two.baseUrl, till.token, "stock_levels")).find((l: { id: string }) => l.id === levelId)?.onHand as number;

    // The till's live stream, as the replica opens it, through the proxy: its first connection goes to process one.
    const events: MultiStreamEvent[] = [];
    const live = multiplexedStream({
      baseUrl: `http://127.0.0.1:${proxy.port}`,
      collections: ["stock_levels", "products"],
      request: { fetch, token: () => till.token as string },
      onError: () => undefined,
    });
    const subscription = live.all.subscribe((event) => events.push(event));
    unsubscribe = () => subscription.unsubscribe();
    const resyncs = () => events.filter((e) => e === "RESYNC").length;
    const carries = (onHand: number) => (e: MultiStreamEvent) =>
      e !== "RESYNC" && e.collection === "stock_levels" && e.documents.some((d) => d.id === levelId && d.onHand === onHand);
    // Each connection brings two: the client's own on connecting, then the server's once it follows the feed.
    await waitFor(events, () => resyncs() === 2);

    await moveThrough(two);
    await waitFor(events, carries(await levelOf()));

    // Process one dies under the stream: the client reconnects through the proxy (to process two) and resyncs.
    await one.kill();
    await waitFor(events, () => resyncs() === 4);
    await moveThrough(two);
    await waitFor(events, carries(await levelOf()));
    expect(proxy.stats.connections).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
