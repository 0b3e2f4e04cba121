import { netOf, summarize, daysFrom, localHourOf } from "@countertop/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSale, variantsOf, type TestVariant } from "../testing/fixtures";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/*
 * Beyond a till's sales window (90 days) the server answers: a sale by its receipt number (to refund
 * an old receipt), and the report facts of an older range, computed as a till computes them.
 */
describe.each(ENGINES)("sales beyond the till's window on %s", (engine) => {
  let server: TestServer;
  let manager: string;
  let till: { id: string; token: string; locationId: string };
  let variants: TestVariant[];

  beforeAll(async () => {
    server = await startTestServer(engine);
    manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(manager, "History till");
    variants = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("finds an old sale by its receipt number, with the refunds made of it", async () => {
    const old = new Date(Date.now() - 200 * 86_400_000);
    const sale = makeSale({
      registerId: till.id,
      locationId: till.locationId,
      lines: [{ variant: variants[0]!, qty: 2 }],
      createdAt: old,
      number: "T9-000042",
    });
    const refund = {
      ...makeSale({
        registerId: till.id,
        locationId: till.locationId,
        lines: [{ variant: variants[0]!, qty: 1 }],
        kind: "refund",
        createdAt: old,
      }),
      originalSaleId: sale.id,
    };
    await server.call("POST", "/sync/v1/sales/push", {
      token: till.token,
      body: [{ newDocumentState: sale }, { newDocumentState: refund }],
    });
    const found = await server.call("GET", "/api/v1/sales/by-number/t9-000042", { token: till.token });
    expect(found.status).toBe(200);
    expect(found.body.sale.id).toBe(sale.id);
    expect(found.body.refunds.map((r: { id: string }) => r.id)).toEqual([refund.id]);
    expect((await server.call("GET", "/api/v1/sales/by-number/T9-999999", { token: manager })).status).toBe(404);
    expect((await server.call("GET", "/api/v1/sales/by-number/x;drop", { token: manager })).status).toBe(400);
    const shopper = (await server.call("POST", "/api/v1/shop/demo/session")).body.token as string;
    expect((await server.call("GET", "/api/v1/sales/by-number/T9-000042", { token: shopper })).status).toBe(403);
  });

  it("computes an older range's report facts as a till would, in the shop's days", async () => {
    const at = new Date(Date.now() - 120 * 86_400_000);
    const day = localHourOf(at, "Europe/Berlin").day;
    const sales = [1, 3].map((qty) =>
      makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variants[1]!, qty }], createdAt: at }),
    );
    await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: sales.map((s) => ({ newDocumentState: s })) });
    const res = await server.call("GET", `/api/v1/reports/facts?from=${day}&to=${day}`, { token: manager });
    expect(res.status).toBe(200);
    const summary = summarize(res.body.buckets, res.body.products, daysFrom(day, day));
    expect(summary.byChannel.till.sales).toBe(2);
    expect(netOf(summary.byChannel.till)).toBe(sales[0]!.total + sales[1]!.total);
    expect(summary.products[0]).toMatchObject({ key: variants[1]!.id, units: 4 });

    for (const query of ["from=2026-01-02&to=2026-01-01", "from=2020-01-01&to=2026-01-01", "from=yesterday&to=today", ""]) {
      const bad = await server.call("GET", `/api/v1/reports/facts?${query}`, { token: manager });
      expect({ query, status: bad.status, code: bad.body.error.code }).toEqual({ query, status: 400, code: "bad_request" });
    }
  });
});
