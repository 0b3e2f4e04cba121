import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSale, variantsOf, type TestVariant } from "../testing/fixtures";
import type { WireDoc } from "../testing/http-client";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/*
 * A manager resolves what the server raised; the resolution and its side effects travel as one
 * document, and the first to reach the server is the one applied.
 */
describe.each(ENGINES)("resolving reconciliation items on %s", (engine) => {
  let server: TestServer;
  let managers: [string, string];
  let till: { id: string; token: string; locationId: string };
  let variants: TestVariant[];

  const items = async () => (await pullAll(server, managers[0], "reconciliation", 1000)).docs;
  const level = async (variantId: string) =>
    (await pullAll(server, managers[0], "stock_levels", 1000)).docs.find(
      (l) => l.variantId === variantId && l.locationId === till.locationId,
    )?.onHand;
  const resolve = (token: string, item: WireDoc, resolution: WireDoc) =>
    server.call("POST", "/sync/v1/reconciliation/push", {
      token,
      headers: { "x-countertop-detail": "1" },
      body: [
        {
          assumedMasterState: item,
          newDocumentState: { ...item, status: "resolved", resolvedBy: "manager", resolvedAt: new Date().toISOString(), ...resolution },
        },
      ],
    });
  const oversell = async (variant: TestVariant) => {
    const onHand = (await level(variant.id)) ?? 0;
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant, qty: onHand + 2 }] });
    await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: [{ newDocumentState: sale }] });
    return (await items()).find((i) => i.kind === "oversell" && i.refId === `${till.locationId}:${variant.id}`)!;
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    managers = [
      await server.login(DEMO.manager.email, DEMO.manager.password),
      await server.login(DEMO.manager.email, DEMO.manager.password),
    ];
    till = await server.registerTill(managers[0], "Reconciling till");
    variants = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("recounts an oversold shelf: the counted quantity becomes a count as of its time, and the item closes", async () => {
    const variant = variants[5]!;
    const item = await oversell(variant);
    expect(await level(variant.id)).toBe(-2);
    const res = await resolve(managers[0], item, {
      action: "recount",
      resolution: "Found 3 at the back",
      effects: { countedQty: 3, countedAt: new Date().toISOString() },
    });
    expect(res.body).toEqual({ conflicts: [], refused: [] });
    expect(await level(variant.id)).toBe(3);
    expect((await items()).find((i) => i.id === item.id)).toMatchObject({ status: "resolved", action: "recount" });
  });

  it("applies only the first of two resolutions made offline on two tills: the other gets the winner, and never counts", async () => {
    const variant = variants[6]!;
    const item = await oversell(variant);
    const countedAt = new Date().toISOString();
    const [first, second] = await Promise.all([
      resolve(managers[0], item, { action: "recount", effects: { countedQty: 5, countedAt } }),
      resolve(managers[1], item, { action: "recount", effects: { countedQty: 9, countedAt } }),
    ]);
    const answers = [first.body.conflicts, second.body.conflicts];
    expect(answers.filter((c) => c.length === 0)).toHaveLength(1);
    const winner = (await items()).find((i) => i.id === item.id)!;
    const loser = answers.find((c) => c.length === 1)![0];
    expect(loser).toEqual(winner);
    expect(await level(variant.id)).toBe((winner.effects as { countedQty: number }).countedQty);
    const recounts = (await pullAll(server, managers[0], "stock_movements", 1000)).docs.filter((m) => m.refId === item.id);
    expect(recounts).toHaveLength(1);
  });

  it("turns a cash variance's acknowledgement into the shift's review", async () => {
    const shift = {
      id: uuidv7(),
      registerId: till.id,
      locationId: till.locationId,
      status: "open",
      openedBy: uuidv7(),
      openedAt: new Date().toISOString(),
      openingFloat: 10_000,
      cashMovements: [],
      _deleted: false,
    };
    await server.call("POST", "/sync/v1/shifts/push", { token: till.token, body: [{ newDocumentState: shift }] });
    const closed = {
      ...shift,
      status: "closed",
      closedBy: shift.openedBy,
      closedAt: new Date().toISOString(),
      expectedCash: 12_000,
      countedCash: 11_000,
      variance: -1_000,
    };
    await server.call("POST", "/sync/v1/shifts/push", {
      token: till.token,
      body: [{ assumedMasterState: shift, newDocumentState: closed }],
    });
    const item = (await items()).find((i) => i.id === `cash_variance:${shift.id}`)!;
    await resolve(managers[0], item, { action: "acknowledge", resolution: "Float counted twice; 10 € in the safe" });
    const reviewed = (await pullAll(server, managers[0], "shifts", 1000)).docs.find((s) => s.id === shift.id);
    expect(reviewed).toMatchObject({ reviewedBy: "manager", reviewNote: "Float counted twice; 10 € in the safe", variance: -1_000 });
  });

  it("merges a duplicate customer into the other without touching their sales", async () => {
    const now = new Date().toISOString();
    const ana = {
      id: uuidv7(),
      name: "Ana Weber",
      email: "ana.merge@example.test",
      addresses: [],
      createdAt: now,
      updatedAt: now,
      _deleted: false,
    };
    const again = { ...ana, id: uuidv7(), name: "Ana W." };
    await server.call("POST", "/sync/v1/customers/push", {
      token: till.token,
      body: [{ newDocumentState: ana }, { newDocumentState: again }],
    });
    const item = (await items()).find((i) => i.kind === "duplicate_customer" && i.refId === again.id)!;
    const merged = await resolve(managers[0], item, { action: "merge", effects: { mergeInto: ana.id } });
    expect(merged.body, JSON.stringify(merged.body)).toEqual({ conflicts: [], refused: [] });
    const customers = (await pullAll(server, managers[0], "customers", 1000)).docs;
    expect(customers.find((c) => c.id === again.id)).toMatchObject({ mergedInto: ana.id, _deleted: false });
    expect(customers.find((c) => c.id === ana.id)?.mergedInto).toBeUndefined();
  });

  it("fixes the catalog's price from a price mismatch, recorded in the audit log", async () => {
    const variant = variants[7]!;
    const sale = {
      ...makeSale({
        registerId: till.id,
        locationId: till.locationId,
        lines: [{ variant: { ...variant, price: variant.price + 50 }, qty: 1 }],
      }),
    };
    await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: [{ newDocumentState: sale }] });
    const item = (await items()).find((i) => i.id === `price_mismatch:${sale.id}`)!;
    await resolve(managers[0], item, { action: "fix_price", effects: { prices: [{ variantId: variant.id, price: variant.price + 50 }] } });
    const product = (await pullAll(server, managers[0], "products", 1000)).docs.find((p) =>
      (p.variants as WireDoc[]).some((v) => v.id === variant.id),
    )!;
    expect((product.variants as WireDoc[]).find((v) => v.id === variant.id)?.price).toBe(variant.price + 50);
  });
});
