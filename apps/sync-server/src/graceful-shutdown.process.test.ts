import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO } from "./seed/demo";
import { makeSale, variantsOf } from "./testing/fixtures";
import { callServer } from "./testing/http-client";
import { startServerProcess, type ServerProcess } from "./testing/server-process";
import { openSse } from "./testing/sse-client";

describe("SIGTERM", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ct-shutdown-"));
  const running: ServerProcess[] = [];
  afterAll(async () => {
    for (const p of running) await p.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lets a push in flight commit, sends live streams a reconnect hint, and exits 0", async () => {
    // Every push waits 1.5 s inside its transaction, so SIGTERM lands while one is in flight.
    const env = { DATABASE_URL: "", DATA_DIR: dataDir, STATIC_ROOT: dataDir, PORT: "0" };
    const server = await startServerProcess({ ...env, COUNTERTOP_PAUSES: "push:applying:1500" });
    running.push(server);
    const { baseUrl } = server;
    const manager = (await callServer(baseUrl, "POST", "/api/v1/auth/login", undefined, DEMO.manager)).token as string;
    const till = await callServer(baseUrl, "POST", "/api/v1/devices", manager, { name: "Till going down" });
    const products = (await callServer(baseUrl, "GET", "/sync/v1/products/pull?seq=0&limit=1000", till.token)).documents;
    const sale = makeSale({
      registerId: till.id,
      locationId: till.register.locationId,
      lines: [{ variant: variantsOf(products, { standard: 1900, reduced: 700 })[0]!, qty: 1 }],
    });

    const stream = await openSse(`${baseUrl}/sync/v1/stock_levels/stream`, till.token);
    await stream.waitFor((data) => data === '"RESYNC"');
    const push = fetch(`${baseUrl}/sync/v1/sales/push`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${till.token}` },
      body: JSON.stringify([{ newDocumentState: sale }]),
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const exitCode = server.stop();

    const answer = await push;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual([]);
    await stream.ended;
    // The stream ended at once, its last words a RESYNC with `retry:` (the client catches up elsewhere).
    expect(stream.text()).toMatch(/data: "RESYNC"\nretry: 1000\n\n$/);
    expect(await exitCode).toBe(0);
    expect(server.output()).toContain("stopped");

    // Durable: the next process on the same data has the sale.
    const again = await startServerProcess(env);
    running.push(again);
    const sales = (await callServer(again.baseUrl, "GET", "/sync/v1/sales/pull?seq=0&limit=1000", till.token)).documents;
    expect(sales.map((s: { id: string }) => s.id)).toContain(sale.id);
    expect(await again.stop()).toBe(0);
  }, 120_000);
});
