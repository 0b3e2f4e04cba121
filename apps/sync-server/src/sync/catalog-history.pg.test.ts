import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSale, variantsOf } from "../testing/fixtures";
import type { WireDoc } from "../testing/http-client";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/*
 * Price changes never make honest offline sales look wrong: a sale carries the catalog it was
 * priced with, and the server re-prices it against that version.
 */
describe.each(ENGINES)("re-pricing against the catalog the till had, on %s", (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("accepts offline sales at the old price with no price_mismatch, gathered in one stale_catalog item per till and change", async () => {
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    const till = await server.registerTill(manager, "Offline till");
    const pulled = await pullAll(server, till.token, "products", 1000);
    const catalogSeq = pulled.seq;
    const [variant] = variantsOf(pulled.docs, { standard: 1900, reduced: 700 });
    // The manager raises the price while the till is offline.
    const product = (await pullAll(server, manager, "products", 1000)).docs.find((p) =>
      (p.variants as WireDoc[]).some((v) => v.id === variant!.id),
    )!;
    const raised = {
      ...product,
      variants: (product.variants as WireDoc[]).map((v) => (v.id === variant!.id ? { ...v, price: (v.price as number) + 100 } : v)),
    };
    expect(
      await server.call("POST", "/sync/v1/products/push", {
        token: manager,
        body: [{ assumedMasterState: product, newDocumentState: raised }],
      }),
    ).toMatchObject({ status: 200, body: [] });
    // The till sells twice at the price it knew, then syncs.
    const sales = [1, 2].map(() => ({
      ...makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variant!, qty: 1 }] }),
      catalogSeq,
    }));
    expect(
      await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: sales.map((s) => ({ newDocumentState: s })) }),
    ).toMatchObject({ status: 200, body: [] });
    const items = (await pullAll(server, manager, "reconciliation", 1000)).docs;
    expect(items.filter((i) => i.kind === "price_mismatch" && sales.some((s) => s.id === i.refId))).toEqual([]);
    const stale = items.filter((i) => i.kind === "stale_catalog" && i.refId === till.id);
    expect(stale).toHaveLength(1);
    expect(stale[0]!.details).toMatchObject({ difference: 200, sales: [{ saleId: sales[0]!.id }, { saleId: sales[1]!.id }] });
    // A sale without a catalog version (an older app) is checked against today's price, as before.
    const undated = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variant!, qty: 1 }] });
    await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: [{ newDocumentState: undated }] });
    expect((await pullAll(server, manager, "reconciliation", 1000)).docs.some((i) => i.id === `price_mismatch:${undated.id}`)).toBe(true);
  });
});
