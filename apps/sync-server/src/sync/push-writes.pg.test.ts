import { MAX_BODY_BYTES } from "@countertop/sync-protocol";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../db/tenant-scope";
import { makeSale, variantsOf, type TestVariant } from "../testing/fixtures";
import { ENGINES } from "../testing/test-database";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { pullAll } from "../testing/sync-client";

/*
 * How a push reaches the database: over real HTTP (the body read from the Node request), new rows
 * inserted rather than upserted, and a re-sent push that changes nothing.
 */

describe.each(ENGINES)("push writes on %s", (engine) => {
  let server: TestServer;
  let baseUrl: string;
  let till: { id: string; token: string; locationId: string };
  let variants: TestVariant[];
  let tenantId: string;

  /** A push over real HTTP, as a till sends it. */
  const pushOverHttp = async (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}/sync/v1/sales/push`, {
      method: "POST",
      headers: { authorization: `Bearer ${till.token}`, "content-type": "application/json", ...headers },
      body,
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);
    return { status: res.status, body: (await res.json()) as unknown };
  };
  /** What a push may change: the shop's counter, its figures for today, the sale's row and its movements. */
  const snapshot = (saleId: string) =>
    withTenant(server.database.db, tenantId, async (trx) => ({
      seq: (await trx.selectFrom("tenants").select("seq").where("id", "=", tenantId).executeTakeFirstOrThrow()).seq,
      figures: await trx
        .selectFrom("tenant_daily_stats")
        .select(["pos_sales", "pos_gmv"])
        .where("day", "=", sql<string>`(now() at time zone 'UTC')::date`)
        .execute(),
      sale: await trx.selectFrom("sales").select(["seq", "doc"]).where("id", "=", saleId).execute(),
      movements: await trx.selectFrom("stock_movements").select(["id", "seq"]).where("ref_id", "=", saleId).orderBy("id").execute(),
    }));

  beforeAll(async () => {
    server = await startTestServer(engine);
    baseUrl = await server.listen();
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(manager);
    variants = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 });
    tenantId = (await server.call("POST", "/api/v1/shop/demo/session")).body.tenantId;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("stores a sale pushed over HTTP once, with its movements and today's figures; the same push again answers the same and changes nothing", async () => {
    const sale = makeSale({
      registerId: till.id,
      locationId: till.locationId,
      lines: [
        { variant: variants[0]!, qty: 2 },
        { variant: variants[1]!, qty: 1 },
      ],
    });
    const before = await snapshot(String(sale.id));
    const body = JSON.stringify([{ newDocumentState: sale }]);
    expect(await pushOverHttp(body)).toEqual({ status: 200, body: [] });
    const after = await snapshot(String(sale.id));
    expect(after.sale.map((r) => r.doc)).toEqual([sale]);
    expect(after.movements).toHaveLength(2);
    const [was, is] = [before.figures[0] ?? { pos_sales: 0, pos_gmv: 0 }, after.figures[0]!];
    expect([Number(is.pos_sales) - Number(was.pos_sales), Number(is.pos_gmv) - Number(was.pos_gmv)]).toEqual([1, sale.total]);

    expect(await pushOverHttp(body)).toEqual({ status: 200, body: [] });
    expect(await snapshot(String(sale.id))).toEqual(after);
  });

  it("answers a sale already stored with different content with the stored one, and keeps it", async () => {
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variants[2]!, qty: 1 }] });
    expect(await pushOverHttp(JSON.stringify([{ newDocumentState: sale }]))).toEqual({ status: 200, body: [] });
    const stored = await snapshot(String(sale.id));
    const altered = { ...sale, note: "changed afterwards" };
    expect(await pushOverHttp(JSON.stringify([{ newDocumentState: altered }]))).toEqual({ status: 200, body: [sale] });
    expect(await snapshot(String(sale.id))).toEqual(stored);
  });

  it("refuses a push body over the limit with 413 — by its Content-Length, or as it arrives without one — and stores nothing", async () => {
    const seq = (await snapshot("none")).seq;
    const tooBig = "x".repeat(MAX_BODY_BYTES + 1);
    const declared = await pushOverHttp(tooBig);
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ error: { code: "payload_too_large" } });
    // A stream has no Content-Length: it is sent chunked, and counted as it comes.
    const chunk = new TextEncoder().encode("x".repeat(256 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const chunked = await pushOverHttp(stream);
    expect(chunked.status).toBe(413);
    expect(chunked.body).toMatchObject({ error: { code: "payload_too_large" } });
    const inProcess = await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: tooBig });
    expect(inProcess.status).toBe(413);
    expect((await snapshot("none")).seq).toBe(seq);
  });

  it("reads a push sent chunked under the limit like any other", async () => {
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variants[3]!, qty: 1 }] });
    const bytes = new TextEncoder().encode(JSON.stringify([{ newDocumentState: sale }]));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // Split inside a multi-byte-safe ASCII body: two chunks.
        controller.enqueue(bytes.slice(0, 100));
        controller.enqueue(bytes.slice(100));
        controller.close();
      },
    });
    expect(await pushOverHttp(stream)).toEqual({ status: 200, body: [] });
    expect((await snapshot(String(sale.id))).sale.map((r) => r.doc)).toEqual([sale]);
  });
});
