import { sql } from "kysely";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireDoc } from "../testing/http-client";
import { withTenant } from "../db/tenant-scope";
import { makeSale, variantsOf, type TestVariant } from "../testing/fixtures";
import { ENGINES } from "../testing/test-database";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { pullAll, sseReader } from "../testing/sync-client";

describe.each(ENGINES)("sync push on %s", (engine) => {
  let server: TestServer;
  let manager: string;
  let till: { id: string; token: string; locationId: string };
  let variants: TestVariant[];
  let tenantId: string;

  const level = async (variantId: string) => {
    const res = await pullAll(server, till.token, "stock_levels", 1000);
    const byId = new Map(res.docs.map((d) => [d.variantId, d]));
    return byId.get(variantId)?.onHand as number | undefined;
  };
  const push = (collection: string, rows: unknown, token = till.token, headers?: Record<string, string>) =>
    server.call("POST", `/sync/v1/${collection}/push`, { token, body: rows, ...(headers ? { headers } : {}) });
  /** A push asking for the detailed answer: `{ conflicts, refused }`. */
  const pushDetail = (collection: string, rows: unknown, token = till.token) =>
    push(collection, rows, token, { "x-countertop-detail": "1" });

  beforeAll(async () => {
    server = await startTestServer(engine);
    manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(manager);
    const products = (await pullAll(server, till.token, "products", 1000)).docs;
    variants = variantsOf(products, { standard: 1900, reduced: 700 });
    tenantId = (await server.call("POST", "/api/v1/shop/demo/session")).body.tenantId;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("records a pushed sale once, moves stock in the same transaction, and treats a re-push as a no-op", async () => {
    const [a, b] = variants as [TestVariant, TestVariant];
    const before = [await level(a.id), await level(b.id)];
    const sale = makeSale({
      registerId: till.id,
      locationId: till.locationId,
      lines: [
        { variant: a, qty: 2 },
        { variant: b, qty: 1 },
      ],
    });
    expect(await push("sales", [{ newDocumentState: sale }])).toEqual({ status: 200, body: [] });
    expect(await push("sales", [{ newDocumentState: sale }])).toEqual({ status: 200, body: [] });
    expect([await level(a.id), await level(b.id)]).toEqual([before[0]! - 2, before[1]! - 1]);
    const movements = (await pullAll(server, till.token, "stock_movements", 1000)).docs.filter((m) => m.refId === sale.id);
    expect(movements.map((m) => m.id).sort()).toEqual((sale.lines as { id: string }[]).map((l) => `${String(sale.id)}:${l.id}`).sort());
  });

  it("pushing the same sale 5 times concurrently records one sale and moves stock once; twice within one push is a 400", async () => {
    const v = variants[2]!;
    const before = await level(v.id);
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: v, qty: 3 }] });
    const twice = await push("sales", [{ newDocumentState: sale }, { newDocumentState: { ...sale, number: "other copy" } }]);
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain(`document ${sale.id} is in the push twice`);
    expect(await level(v.id)).toBe(before);
    const results = await Promise.all(Array.from({ length: 5 }, () => push("sales", [{ newDocumentState: sale }])));
    expect(results.every((r) => r.status === 200 && r.body.length === 0)).toBe(true);
    expect(await level(v.id)).toBe(before! - 3);
    const count = await withTenant(server.database.db, tenantId, (trx) =>
      trx
        .selectFrom("sales")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("id", "=", String(sale.id))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(count.n)).toBe(1);
  });

  it("never rejects a sale that oversells: the level goes negative and an oversell item is raised", async () => {
    const v = variants[3]!;
    const onHand = (await level(v.id))!;
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: v, qty: onHand + 2 }] });
    expect((await push("sales", [{ newDocumentState: sale }])).body).toEqual([]);
    expect(await level(v.id)).toBe(-2);
    const items = (await pullAll(server, till.token, "reconciliation", 1000)).docs;
    expect(items.find((i) => i.kind === "oversell" && (i.details as { variantId: string }).variantId === v.id)).toMatchObject({
      status: "open",
      refId: `${till.locationId}:${v.id}`,
    });
  });

  it("raises price_mismatch when the till's totals disagree, and late_sync for an old sale — and keeps both sales", async () => {
    const v = variants[4]!;
    const tampered: WireDoc = {
      ...makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: v, qty: 1 }] }),
      total: 1,
    };
    const old = makeSale({
      registerId: till.id,
      locationId: till.locationId,
      lines: [{ variant: v, qty: 1 }],
      createdAt: new Date(Date.now() - 3 * 86_400_000),
    });
    expect((await push("sales", [{ newDocumentState: tampered }, { newDocumentState: old }])).body).toEqual([]);
    const items = (await pullAll(server, till.token, "reconciliation", 1000)).docs;
    expect(items.some((i) => i.kind === "price_mismatch" && i.refId === tampered.id)).toBe(true);
    expect(items.some((i) => i.kind === "late_sync" && i.refId === old.id)).toBe(true);
  });

  it("raises late_sync for a sale rung up after its shift closed, not for one made before the close that arrives after it", async () => {
    const v = variants[4]!;
    const openedAt = new Date(Date.now() - 3_600_000);
    const closedAt = new Date(Date.now() - 60_000);
    const shift = {
      id: uuidv7(),
      registerId: till.id,
      locationId: till.locationId,
      status: "closed",
      openedBy: uuidv7(),
      openedAt: openedAt.toISOString(),
      openingFloat: 0,
      cashMovements: [],
      closedBy: uuidv7(),
      closedAt: closedAt.toISOString(),
      expectedCash: 0,
      countedCash: 0,
      variance: 0,
      _deleted: false,
    };
    // A till that closed its shift offline: the shift reaches the server before its sales.
    expect((await push("shifts", [{ newDocumentState: shift }])).body).toEqual([]);
    const at = (time: Date) =>
      makeSale({ registerId: till.id, locationId: till.locationId, shiftId: shift.id, lines: [{ variant: v, qty: 1 }], createdAt: time });
    const before = at(new Date(closedAt.getTime() - 60_000));
    const after = at(new Date(closedAt.getTime() + 30_000));
    expect((await push("sales", [{ newDocumentState: before }, { newDocumentState: after }])).body).toEqual([]);
    const late = (await pullAll(server, till.token, "reconciliation", 1000)).docs.filter((i) => i.kind === "late_sync");
    expect(late.some((i) => i.refId === before.id)).toBe(false);
    expect(late.find((i) => i.refId === after.id)).toMatchObject({ details: { shiftClosed: true, shiftClosedAt: shift.closedAt } });
  });

  it("answers a sale pushed again with other content with the stored sale, unchanged", async () => {
    const v = variants[5]!;
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: v, qty: 1 }] });
    await push("sales", [{ newDocumentState: sale }]);
    const res = await push("sales", [{ newDocumentState: { ...sale, number: "CHANGED" } }]);
    expect(res.body).toEqual([sale]);
  });

  it("merges catalog edits field by field; the same field edited on both sides keeps the server's value", async () => {
    const products = (await pullAll(server, till.token, "products", 1000)).docs;
    const base = products[0]!;
    // Two managers edit the same product on two tills, offline.
    const renamed = await push(
      "products",
      [{ assumedMasterState: base, newDocumentState: { ...base, name: "Renamed by manager A" } }],
      manager,
    );
    expect(renamed.body).toEqual([]);
    const fromB = await push(
      "products",
      [{ assumedMasterState: base, newDocumentState: { ...base, description: "New words from B", name: "Renamed by manager B" } }],
      manager,
    );
    expect(fromB.body).toHaveLength(1);
    expect(fromB.body[0]).toMatchObject({ id: base.id, name: "Renamed by manager A", description: "New words from B" });
  });

  it("keeps a shift to its own register and raises cash_variance when it closes short", async () => {
    const openedAt = new Date().toISOString();
    const open = {
      id: uuidv7(),
      registerId: till.id,
      locationId: till.locationId,
      status: "open",
      openedBy: uuidv7(),
      openedAt,
      openingFloat: 10_000,
      cashMovements: [],
      _deleted: false,
    };
    expect((await push("shifts", [{ newDocumentState: open }])).body).toEqual([]);
    const closed = {
      ...open,
      status: "closed",
      closedBy: open.openedBy,
      closedAt: new Date().toISOString(),
      expectedCash: 12_000,
      countedCash: 11_500,
      variance: -500,
    };
    expect((await push("shifts", [{ assumedMasterState: open, newDocumentState: closed }])).body).toEqual([]);
    const reopened = await push("shifts", [{ assumedMasterState: closed, newDocumentState: { ...closed, status: "open" } }]);
    expect(reopened.body).toEqual([closed]);
    const item = (await pullAll(server, till.token, "reconciliation", 1000)).docs.find((i) => i.id === `cash_variance:${open.id}`);
    expect(item).toMatchObject({ kind: "cash_variance", status: "open", refId: open.id, details: { variance: -500 } });
    const other = await server.registerTill(manager, "Other till");
    const foreign = { ...open, id: uuidv7() };
    const refused = await pushDetail("shifts", [{ newDocumentState: foreign }], other.token);
    expect(refused.status).toBe(200);
    expect(refused.body.refused).toEqual([{ id: foreign.id, code: "forbidden", message: "A till writes only its own register's shifts." }]);
    expect(refused.body.conflicts).toEqual([expect.objectContaining({ id: foreign.id, _deleted: true })]);
    expect((await pullAll(server, till.token, "shifts", 1000)).docs.some((d) => d.id === foreign.id)).toBe(false);
  });

  it("flags a customer whose email another customer has, for the manager, without rejecting it", async () => {
    const now = new Date().toISOString();
    const first = {
      id: uuidv7(),
      name: "Ana Weber",
      email: "ana.weber@example.test",
      addresses: [],
      createdAt: now,
      updatedAt: now,
      _deleted: false,
    };
    const second = { ...first, id: uuidv7(), name: "Ana W.", email: "Ana.Weber@example.test" };
    expect((await push("customers", [{ newDocumentState: first }])).body).toEqual([]);
    expect((await push("customers", [{ newDocumentState: second }])).body).toEqual([]);
    const items = (await pullAll(server, till.token, "reconciliation", 1000)).docs.filter((i) => i.kind === "duplicate_customer");
    expect(items.find((i) => i.refId === second.id)).toMatchObject({
      status: "open",
      details: { matches: [first.id], email: "ana.weber@example.test" },
    });
    expect(items.some((i) => i.refId === first.id)).toBe(false);
  });

  it("refuses every row pushed to stock_levels, answering the server's level", async () => {
    const levels = (await pullAll(server, till.token, "stock_levels", 5)).docs;
    for (const token of [till.token, manager]) {
      const res = await pushDetail("stock_levels", [{ newDocumentState: { ...levels[0], onHand: 999 } }], token);
      expect(res.status).toBe(200);
      expect(res.body.refused[0]).toMatchObject({ id: levels[0]!.id, code: "forbidden" });
      expect(res.body.conflicts).toEqual([levels[0]]);
    }
  });

  it("accepts a sale naming another shop's register, and flags it for review", async () => {
    const v = variants[0]!;
    const sale = {
      ...makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: v, qty: 1 }] }),
      registerId: uuidv7(),
    };
    expect(await push("sales", [{ newDocumentState: sale }])).toEqual({ status: 200, body: [] });
    const item = (await pullAll(server, till.token, "reconciliation", 1000)).docs.find((i) => i.id === `flagged_sale:${sale.id}`);
    expect(item).toMatchObject({ kind: "flagged_sale", refId: sale.id, status: "open", details: { reasons: ["foreign_register"] } });
  });

  it("answers bad input with 4xx JSON errors, writes nothing, and stays up", async () => {
    const seqBefore = await withTenant(server.database.db, tenantId, (trx) =>
      trx.selectFrom("tenants").select("seq").executeTakeFirstOrThrow(),
    );
    const v = variants[0]!;
    const good = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: v, qty: 1 }] });
    const cases: [string, ReturnType<TestServer["call"]>, number][] = [
      ["malformed JSON", server.call("POST", "/sync/v1/sales/push", { token: till.token, body: "[{oops" }), 400],
      ["not an array", push("sales", { newDocumentState: good }), 400],
      ["wrong types", push("sales", [{ newDocumentState: { ...good, total: "12.50" } }]), 400],
      ["fractional money", push("sales", [{ newDocumentState: { ...good, total: 12.5 } }]), 400],
      ["unknown collection", push("widgets", []), 404],
      ["bad checkpoint", server.call("GET", "/sync/v1/products/pull?seq=abc", { token: till.token }), 400],
      ["limit too large", server.call("GET", "/sync/v1/products/pull?limit=100000", { token: till.token }), 400],
      ["oversized body", server.call("POST", "/sync/v1/sales/push", { token: till.token, body: `[${" ".repeat(5 * 1024 * 1024)}]` }), 413],
      [
        "a tenantId that is not ours",
        push("categories", [
          {
            newDocumentState: {
              id: "c1",
              name: "X",
              position: 1,
              updatedAt: new Date().toISOString(),
              _deleted: false,
              tenantId: "01900000-0000-7000-8000-000000000001",
            },
          },
        ]),
        400,
      ],
      ["wrong protocol version", push("sales", [], till.token, { "x-countertop-protocol": "99" }), 426],
      ["no token", server.call("GET", "/sync/v1/products/pull"), 401],
    ];
    for (const [name, call, status] of cases) {
      const res = await call;
      expect({ name, status: res.status }).toEqual({ name, status });
      expect(typeof res.body.error.code).toBe("string");
      expect(typeof res.body.error.message).toBe("string");
    }
    const seqAfter = await withTenant(server.database.db, tenantId, (trx) =>
      trx.selectFrom("tenants").select("seq").executeTakeFirstOrThrow(),
    );
    expect(seqAfter.seq).toBe(seqBefore.seq);
    expect((await server.call("GET", "/health")).status).toBe(200);
  });

  it("isolates tenants: tenant B's device, manager and shopper tokens see and change nothing of A", async () => {
    const owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    await server.call("POST", "/api/v1/admin/tenants", {
      token: owner,
      body: { slug: "shop-b", name: "Shop B", currency: "EUR", managerEmail: "b@shop-b.test", managerPassword: "long-password-b" },
    });
    const managerB = await server.login("b@shop-b.test", "long-password-b");
    const tillB = await server.registerTill(managerB);
    const shopperB = (await server.call("POST", "/api/v1/shop/shop-b/session")).body.token;
    const aIds = new Set([till.id, ...variants.map((v) => v.id)]);
    for (const token of [tillB.token, managerB, shopperB]) {
      for (const collection of ["products", "stock_levels", "sales", "settings", "staff"]) {
        const res = await server.call("GET", `/sync/v1/${collection}/pull?limit=1000`, { token });
        if (res.status !== 200) {
          expect(res.status).toBe(403);
          continue;
        }
        const text = JSON.stringify(res.body.documents);
        expect([...aIds].some((id) => text.includes(id))).toBe(false);
      }
    }
    // B's till naming A's register stores a sale in B (flagged there), and moves nothing of A's.
    const aLevel = await level(variants[0]!.id);
    const aSale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variants[0]!, qty: 1 }] });
    expect((await push("sales", [{ newDocumentState: aSale }], tillB.token)).status).toBe(200);
    expect(await level(variants[0]!.id)).toBe(aLevel);
    expect((await pullAll(server, till.token, "sales", 1000)).docs.some((d) => d.id === aSale.id)).toBe(false);
    const products = (await pullAll(server, till.token, "products", 1000)).docs;
    const hijack = await push("products", [{ newDocumentState: { ...products[1]!, name: "Hijacked" } }], tillB.token);
    expect(hijack.status).toBe(200);
    const stillA = (await pullAll(server, till.token, "products", 1000)).docs.find((p) => p.id === products[1]!.id);
    expect(stillA?.name).toBe(products[1]!.name);
  });

  it("shows a shopper only active products, public fields, and no orders when signed out", async () => {
    const shopper = (await server.call("POST", "/api/v1/shop/demo/session")).body.token;
    const products = (await pullAll(server, till.token, "products", 1000)).docs;
    const draft: WireDoc = { ...products[2]!, status: "draft", updatedAt: new Date().toISOString() };
    await push("products", [{ assumedMasterState: products[2], newDocumentState: draft }], manager);
    const seen = (await pullAll(server, shopper, "products", 1000)).docs;
    // A bare tombstone: no name, description or price reaches the shopper.
    expect(seen.find((p) => p.id === draft.id)).toEqual({
      id: draft.id,
      _deleted: true,
      name: "-",
      status: "archived",
      updatedAt: "1970-01-01T00:00:00.000Z",
    });
    expect(seen.flatMap((p) => (p.variants as WireDoc[] | undefined) ?? []).some((v) => "cost" in v)).toBe(false);
    expect((await server.call("GET", "/sync/v1/orders/pull", { token: shopper })).body.documents).toEqual([]);
    expect((await server.call("GET", "/sync/v1/sales/pull", { token: shopper })).status).toBe(403);
    const settings = (await server.call("GET", "/sync/v1/settings/pull", { token: shopper })).body.documents[0];
    expect(settings.registers).toBeUndefined();
  });

  it("streams the stock levels a pushed sale moved to other tills", async () => {
    const controller = new AbortController();
    const res = await server.app.request("/sync/v1/stock_levels/stream", {
      headers: { authorization: `Bearer ${till.token}` },
      signal: controller.signal,
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = sseReader(res);
    expect(await events.next()).toBe("RESYNC");
    const v = variants[6]!;
    await push("sales", [
      { newDocumentState: makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: v, qty: 1 }] }) },
    ]);
    const event = (await events.next()) as { documents: WireDoc[]; checkpoint: { seq: string } };
    expect(event.documents.map((d) => d.variantId)).toContain(v.id);
    expect(event.checkpoint.seq).toMatch(/^\d+$/);
    controller.abort();
    await events.cancel();
  });

  it("returns no rows to the app role without app.tenant_id", async () => {
    const n = await server.database.db.transaction().execute(async (trx) => {
      await sql`select set_config('role', 'countertop_app', true)`.execute(trx);
      const { rows } = await sql<{
        n: string;
      }>`select (select count(*) from sales) + (select count(*) from stock_levels) + (select count(*) from devices) as n`.execute(trx);
      return Number(rows[0]?.n);
    });
    expect(n).toBe(0);
  });
});
