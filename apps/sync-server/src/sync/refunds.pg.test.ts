import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSale, variantsOf } from "../testing/fixtures";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/* Refunds are never refused, but a sale's refunds may not quietly return more than it sold. */
describe.each(ENGINES)("refunds of one sale on %s", (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("takes two tills' offline refunds of the same line, and raises refund_exceeds_sale for the manager", async () => {
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    const [a, b] = [await server.registerTill(manager, "Refund A"), await server.registerTill(manager, "Refund B")];
    const [variant] = variantsOf((await pullAll(server, a.token, "products", 1000)).docs, { standard: 1900, reduced: 700 });
    const sale = makeSale({ registerId: a.id, locationId: a.locationId, lines: [{ variant: variant!, qty: 1 }] });
    await server.call("POST", "/sync/v1/sales/push", { token: a.token, body: [{ newDocumentState: sale }] });
    // Each till refunds the one unit offline: refund lines carry the id of the line they return.
    const refundOf = (till: typeof a) => ({
      ...makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variant!, qty: 1 }], kind: "refund" }),
      originalSaleId: sale.id,
      lines: sale.lines,
    });
    const [first, second] = [refundOf(a), refundOf(b)];
    const pushed = await Promise.all([
      server.call("POST", "/sync/v1/sales/push", { token: a.token, body: [{ newDocumentState: first }] }),
      server.call("POST", "/sync/v1/sales/push", { token: b.token, body: [{ newDocumentState: second }] }),
    ]);
    expect(pushed.map((r) => r.status)).toEqual([200, 200]);
    const sales = (await pullAll(server, manager, "sales", 1000)).docs;
    expect(sales.filter((s) => s.originalSaleId === sale.id)).toHaveLength(2);
    const item = (await pullAll(server, manager, "reconciliation", 1000)).docs.find((i) => i.id === `refund_exceeds_sale:${sale.id}`);
    expect(item).toMatchObject({
      kind: "refund_exceeds_sale",
      status: "open",
      details: { lines: [{ lineId: sale.lines[0]!.id, sold: 1, refunded: 2 }] },
    });
    expect((item!.details as { lines: { refunds: string[] }[] }).lines[0]!.refunds.sort()).toEqual([first.id, second.id].sort());
  });

  it("raises nothing for refunds within what was sold", async () => {
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    const till = await server.registerTill(manager, "Refund C");
    const [variant] = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 });
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variant!, qty: 2 }] });
    const refund = {
      ...makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variant!, qty: 1 }], kind: "refund" }),
      originalSaleId: sale.id,
    };
    refund.lines = [{ ...sale.lines[0]!, qty: 1 }];
    await server.call("POST", "/sync/v1/sales/push", {
      token: till.token,
      body: [{ newDocumentState: sale }, { newDocumentState: refund }],
    });
    expect((await pullAll(server, manager, "reconciliation", 1000)).docs.some((i) => i.id === `refund_exceeds_sale:${sale.id}`)).toBe(
      false,
    );
  });
});
