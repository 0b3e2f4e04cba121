import { TILL_STATUS_HEADERS } from "@countertop/sync-protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../testing/test-database";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { TillStatusRecorder } from "./till-status.service";

describe.each(ENGINES)("till status on %s", (engine) => {
  let server: TestServer;
  let manager: string;
  let till: { id: string; token: string };

  beforeAll(async () => {
    server = await startTestServer(engine);
    manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(manager, "Status till");
  });
  afterAll(async () => {
    await server?.close();
  });

  const statusOf = async (token: string, id = till.id) =>
    ((await server.call("GET", "/api/v1/tills/status", { token })).body.tills as { id: string }[]).find((t) => t.id === id);

  it("keeps what a till reports in the headers of its sync calls, for its managers, its tills and the platform console", async () => {
    expect(await statusOf(manager)).toMatchObject({
      name: "Status till",
      lastSyncAt: null,
      pending: {},
      pendingTotal: 0,
      appVersion: null,
    });
    const lastSync = new Date(Date.now() - 5_000).toISOString();
    const pulled = await server.call("GET", "/sync/v1/products/pull?limit=1", {
      token: till.token,
      headers: {
        [TILL_STATUS_HEADERS.lastSync]: lastSync,
        [TILL_STATUS_HEADERS.pending]: "sales=3,shifts=1",
        [TILL_STATUS_HEADERS.appVersion]: "0.1.0+abc1234",
      },
    });
    expect(pulled.status).toBe(200);
    const status = await statusOf(manager);
    expect(status).toMatchObject({
      lastSyncAt: lastSync,
      pending: { sales: 3, shifts: 1 },
      pendingTotal: 4,
      appVersion: "0.1.0+abc1234",
    });
    expect(Date.parse((status as unknown as { lastSeenAt: string }).lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await statusOf(till.token)).toEqual(status);

    const owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    const tenantId = (await server.call("GET", "/api/v1/admin/tenants", { token: owner })).body.tenants.find(
      (t: { slug: string }) => t.slug === "demo",
    ).id as string;
    const console = await server.call("GET", `/api/v1/admin/tenants/${tenantId}/tills`, { token: owner });
    expect(console.body.tills.find((t: { id: string }) => t.id === till.id)).toEqual(status);
    expect((await server.call("GET", `/api/v1/admin/tenants/${crypto.randomUUID()}/tills`, { token: owner })).status).toBe(404);
    expect((await server.call("GET", `/api/v1/admin/tenants/${tenantId}/tills`, { token: manager })).status).toBe(403);
    expect((await server.call("GET", "/api/v1/tills/status", { token: owner })).status).toBe(403);
  });

  it("ignores a malformed header rather than refusing the sync, and never takes a last sync from the future", async () => {
    const res = await server.call("GET", "/sync/v1/settings/pull", {
      token: till.token,
      headers: {
        [TILL_STATUS_HEADERS.lastSync]: new Date(Date.now() + 3_600_000).toISOString(),
        [TILL_STATUS_HEADERS.pending]: "sales=lots",
        [TILL_STATUS_HEADERS.appVersion]: "<script>",
      },
    });
    expect(res.status).toBe(200);
    expect(await statusOf(manager)).toMatchObject({ pending: { sales: 3, shifts: 1 }, appVersion: "0.1.0+abc1234" });
  });

  it("writes a till's unchanged report at most once per interval, and a changed one at once", async () => {
    const tenantId = (JSON.parse(Buffer.from(till.token.split(".")[1]!, "base64url").toString()) as { tid: string }).tid;
    const recorder = new TillStatusRecorder(60_000);
    const t0 = Date.now() - 600_000;
    const seenAfter = async (ms: number, pending: Record<string, number>) => {
      await recorder.record({ db: server.database.db }, tenantId, till.id, { pending }, new Date(t0 + ms));
      return Date.parse(((await statusOf(manager)) as unknown as { lastSeenAt: string }).lastSeenAt) - t0;
    };
    expect(await seenAfter(0, { sales: 0 })).toBe(0);
    expect(await seenAfter(10_000, { sales: 0 })).toBe(0);
    expect(await seenAfter(20_000, { sales: 1 })).toBe(20_000);
    expect(await seenAfter(90_000, { sales: 1 })).toBe(90_000);
  });
});
