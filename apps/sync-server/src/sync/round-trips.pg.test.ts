import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSale, variantsOf, type TestVariant } from "../testing/fixtures";
import { pullAll, sseReader } from "../testing/sync-client";
import { ENGINES } from "../testing/test-database";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";

/**
 * How many messages a sync call sends to the database: the server's Node process, not PostgreSQL,
 * is what limits ingest, and every round trip costs it a query to build, send and parse. The
 * figures are the budget; a change that adds a round trip to the hot path fails here.
 */
describe.each(ENGINES)("database round trips per sync call on %s", (engine) => {
  let server: TestServer;
  let till: { id: string; token: string; locationId: string };
  let variants: TestVariant[];

  /** The round trips of one request, made straight to the app (`server.call` also runs the outbox). */
  const roundTrips = async (method: string, url: string, body?: unknown): Promise<{ status: number; trips: number; text: string }> => {
    const before = server.database.roundTrips.count;
    const res = await server.app.request(url, {
      method,
      headers: { authorization: `Bearer ${till.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, trips: server.database.roundTrips.count - before, text };
  };
  const sales = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      newDocumentState: makeSale({
        registerId: till.id,
        locationId: till.locationId,
        lines: [0, 1, 2].map((j) => ({ variant: variants[(i + j) % variants.length]!, qty: 1 })),
      }),
    }));

  beforeAll(async () => {
    server = await startTestServer(engine);
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(manager);
    variants = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("a till's push of 10 three-line sales takes 3 round trips: begin with standing and lock, facts with state, writes with commit", async () => {
    const first = await roundTrips("POST", "/sync/v1/sales/push", sales(10));
    expect(first).toMatchObject({ status: 200, text: "[]" });
    expect(first.trips).toBe(3);
    // The same again (conflict-free re-push of new sales): the count does not depend on warm caches.
    expect((await roundTrips("POST", "/sync/v1/sales/push", sales(10))).trips).toBe(3);
    // Re-sent as they are: answered from the same reads, nothing written (the commit ends an unwritten transaction).
    const again = sales(10);
    await roundTrips("POST", "/sync/v1/sales/push", again);
    expect(await roundTrips("POST", "/sync/v1/sales/push", again)).toMatchObject({ status: 200, text: "[]", trips: 3 });
  });

  it("a pull page takes 1 round trip: the standing and the page in one statement", async () => {
    const page = await roundTrips("GET", "/sync/v1/sales/pull?seq=0&limit=5");
    expect(page.status).toBe(200);
    expect(page.trips).toBe(1);
    const body = JSON.parse(page.text) as { documents: { id: string }[]; checkpoint: { seq: string } };
    expect(body.documents).toHaveLength(5);
    expect(body.checkpoint.seq).toMatch(/^\d+$/);
  });

  it("a revoked till is refused in those same round trips: its pull page answers 401, its sales still land", async () => {
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    const revoked = await server.registerTill(manager);
    expect((await server.call("DELETE", `/api/v1/devices/${revoked.id}`, { token: manager })).status).toBe(204);
    const ask = async (method: string, url: string, body?: unknown) => {
      const before = server.database.roundTrips.count;
      const res = await server.app.request(url, {
        method,
        headers: { authorization: `Bearer ${revoked.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as unknown, trips: server.database.roundTrips.count - before };
    };
    const page = await ask("GET", "/sync/v1/sales/pull?seq=0&limit=5");
    expect(page).toMatchObject({ status: 401, trips: 1, body: { error: { code: "unauthorized" } } });
    // Sales are never refused: accepted (and flagged for review) within the push's own round trips.
    const pushed = await ask("POST", "/sync/v1/sales/push", sales(2));
    expect(pushed).toMatchObject({ status: 200, body: [] });
    expect(pushed.trips).toBeLessThanOrEqual(3);
    // Anything else it pushes is refused before a row is read or written: the transaction ends after its first message.
    const at = new Date().toISOString();
    const customer = {
      id: "01900000-0000-7000-8000-00000000c0de",
      name: "Nobody",
      addresses: [],
      createdAt: at,
      updatedAt: at,
      _deleted: false,
    };
    expect(await ask("POST", "/sync/v1/customers/push", [{ newDocumentState: customer }])).toMatchObject({ status: 401, trips: 2 });
  });

  it("streams of one shop woken by the same commit share one read of the page, and each gets it", async () => {
    const streams = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const controller = new AbortController();
        const res = await server.app.request("/sync/v1/stream?collections=sales", {
          headers: { authorization: `Bearer ${till.token}` },
          signal: controller.signal,
        });
        const events = sseReader(res);
        expect(await events.next()).toBe("RESYNC");
        return { controller, events };
      }),
    );
    const pushed = sales(2);
    const before = server.database.roundTrips.count;
    expect((await roundTrips("POST", "/sync/v1/sales/push", pushed)).status).toBe(200);
    const received = await Promise.all(streams.map(({ events }) => events.next()));
    for (const event of received) {
      expect(event).toMatchObject({ collection: "sales" });
      expect((event as { documents: { id: string }[] }).documents.map((d) => d.id).sort()).toEqual(
        pushed.map((r) => String(r.newDocumentState.id)).sort(),
      );
    }
    // The push's 3, and one read for all five streams (on PGlite it may come before the push answers).
    expect(server.database.roundTrips.count - before).toBe(4);
    for (const { controller, events } of streams) {
      controller.abort();
      await events.cancel();
    }
  });
});
