import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSale, variantsOf, type TestVariant } from "../testing/fixtures";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/*
 * A stock count sets the level as of when it was counted, while the shop keeps trading: sales made
 * before the count that sync after it are not subtracted twice, and a count that syncs late still
 * counts from its own time.
 */
describe.each(ENGINES)("stock counts on %s", (engine) => {
  let server: TestServer;
  let manager: string;
  let till: { id: string; token: string; locationId: string };
  let variant: TestVariant;
  // The demo's opening stock was received when the shop was seeded: the story happens after that.
  const start = Date.now() + 120 * 60_000;
  const minutesAgo = (m: number) => new Date(start - m * 60_000);

  const level = async () =>
    (await pullAll(server, manager, "stock_levels", 1000)).docs.find((l) => l.variantId === variant.id && l.locationId === till.locationId)
      ?.onHand;
  const count = (countedQty: number, at: Date) => ({
    id: uuidv7(),
    locationId: till.locationId,
    variantId: variant.id,
    delta: 0,
    reason: "count",
    countedQty,
    occurredAt: at.toISOString(),
    _deleted: false,
  });
  const pushCount = async (doc: ReturnType<typeof count>) =>
    expect(await server.call("POST", "/sync/v1/stock_movements/push", { token: manager, body: [{ newDocumentState: doc }] })).toMatchObject(
      { status: 200, body: [] },
    );
  const sell = async (qty: number, at: Date) => {
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant, qty }], createdAt: at });
    expect(await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: [{ newDocumentState: sale }] })).toMatchObject({
      status: 200,
    });
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(manager, "Counting till");
    variant = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 })[2]!;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("keeps a count as of its time whatever order the sales and counts sync in", async () => {
    await pushCount(count(10, minutesAgo(60)));
    expect(await level()).toBe(10);
    await sell(1, minutesAgo(30));
    expect(await level()).toBe(9);
    const atTwenty = count(7, minutesAgo(20));
    await pushCount(atTwenty);
    expect(await level()).toBe(7);
    // A sale from 40 minutes ago syncs now: the shelf counted at −20 already lacked it.
    await sell(1, minutesAgo(40));
    expect(await level()).toBe(7);
    const stored = (await pullAll(server, manager, "stock_movements", 1000)).docs.find((m) => m.id === atTwenty.id);
    expect(stored).toMatchObject({ countedQty: 7, delta: -1, systemQty: 8 });
    await sell(1, minutesAgo(10));
    expect(await level()).toBe(6);
    // A count made 15 minutes ago arrives late: 5 then, less the sale at −10.
    await pushCount(count(5, minutesAgo(15)));
    expect(await level()).toBe(4);
  });

  it("records a count that confirms the level, moving nothing", async () => {
    const before = (await level())!;
    const confirm = count(before, minutesAgo(1));
    await pushCount(confirm);
    expect(await level()).toBe(before);
    const stored = (await pullAll(server, manager, "stock_movements", 1000)).docs.find((m) => m.id === confirm.id);
    expect(stored).toMatchObject({ delta: 0, systemQty: before });
  });
});
