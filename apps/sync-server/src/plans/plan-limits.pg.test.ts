import type { Product, Staff } from "@countertop/sync-protocol";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSale } from "../testing/fixtures";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";

function product(name: string, status: Product["status"] = "active"): Product {
  return {
    id: uuidv7(),
    name,
    status,
    taxRateId: "standard",
    images: [],
    variants: [{ id: uuidv7(), sku: name.toUpperCase().replace(/\W/g, ""), title: "One", price: 100, trackStock: false }],
    updatedAt: new Date().toISOString(),
    _deleted: false,
  };
}

const person = (name: string): Staff => ({ id: uuidv7(), name, role: "cashier", active: true, _deleted: false });

describe.each(ENGINES)("plan limits and modules, enforced by the server (%s)", (engine) => {
  let server: TestServer;
  let owner: string;
  let serial = 0;

  /** A new shop on `planId` with these overrides; its id and a manager's session. */
  async function shop(overrides: Record<string, unknown> = {}, planId = "starter") {
    serial += 1;
    const email = `m${serial}@limits.test`;
    const created = await server.call("POST", "/api/v1/admin/tenants", {
      token: owner,
      body: {
        slug: `limits-${serial}`,
        name: `Limits ${serial}`,
        currency: "EUR",
        managerEmail: email,
        managerPassword: "long-password-l",
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const plan = await server.call("PUT", `/api/v1/admin/tenants/${id}/plan`, { token: owner, body: { planId, overrides } });
    expect(plan.status).toBe(200);
    return { id, slug: created.body.slug as string, manager: await server.login(email, "long-password-l") };
  }

  const push = (token: string, collection: string, docs: unknown[]) =>
    server.call("POST", `/sync/v1/${collection}/push`, {
      token,
      headers: { "x-countertop-detail": "1" },
      body: docs.map((d) => ({ newDocumentState: d })),
    });
  /** Pushes a change of a document the server has, as a client that knows its current state would. */
  const update = <T extends object>(token: string, collection: string, before: T, after: T) =>
    server.call("POST", `/sync/v1/${collection}/push`, {
      token,
      headers: { "x-countertop-detail": "1" },
      body: [{ assumedMasterState: before, newDocumentState: { ...after, updatedAt: new Date().toISOString() } }],
    });

  beforeAll(async () => {
    server = await startTestServer(engine);
    owner = await server.login(DEMO.owner.email, DEMO.owner.password);
  });
  afterAll(() => server.close());

  it("registers tills up to the limit, then answers 402 plan_limit with a message; a revoked till makes room", async () => {
    const { manager } = await shop({ limits: { registers: 2 } });
    const first = await server.registerTill(manager, "One");
    await server.registerTill(manager, "Two");
    const third = await server.call("POST", "/api/v1/devices", { token: manager, body: { name: "Three" } });
    expect(third.status).toBe(402);
    expect(third.body.error).toMatchObject({ code: "plan_limit", details: { limit: "registers", allowed: 2, have: 2 } });
    expect(third.body.error.message).toMatch(/allows 2 tills and this shop has 2/);
    expect((await server.call("DELETE", `/api/v1/devices/${first.id}`, { token: manager })).status).toBe(204);
    expect((await server.call("POST", "/api/v1/devices", { token: manager, body: { name: "Three" } })).status).toBe(201);
  });

  it("lets exactly one of many parallel registrations through at the limit minus one", async () => {
    const { manager } = await shop({ limits: { registers: 3 } });
    await server.registerTill(manager, "One");
    await server.registerTill(manager, "Two");
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => server.call("POST", "/api/v1/devices", { token: manager, body: { name: `Race ${i}` } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 402, 402, 402, 402, 402, 402, 402]);
    const devices = await server.call("GET", "/api/v1/devices", { token: manager });
    expect(devices.body.devices).toHaveLength(3);
  });

  it("refuses a product over the limit row by row (plan_limit), and lets exactly one of parallel pushes through", async () => {
    const { manager } = await shop({ limits: { products: 3 } });
    const res = await push(manager, "products", [product("A"), product("B"), product("C"), product("D")]);
    expect(res.status).toBe(200);
    expect(res.body.refused).toHaveLength(1);
    expect(res.body.refused[0]).toMatchObject({ code: "plan_limit" });
    expect(res.body.refused[0].message).toMatch(/allows 3 products/);
    // A draft counts, an archived product does not: archiving one makes room, for one of many racers.
    const [a] = (await server.call("GET", "/sync/v1/products/pull?limit=100", { token: manager })).body.documents as Product[];
    expect((await update(manager, "products", a!, { ...a!, status: "archived" })).body.refused).toEqual([]);
    const racers = await Promise.all(Array.from({ length: 6 }, (_, i) => push(manager, "products", [product(`Racer ${i}`, "draft")])));
    expect(racers.filter((r) => r.body.refused.length === 0)).toHaveLength(1);
  });

  it("keeps products over a lowered limit: read-only, archivable, and their sales are never refused", async () => {
    const { id, manager } = await shop({ limits: { products: 10 } });
    const [a, b, c] = [product("Keep A"), product("Keep B"), product("Keep C")];
    expect((await push(manager, "products", [a, b, c])).body.refused).toEqual([]);
    await server.call("PUT", `/api/v1/admin/tenants/${id}/plan`, {
      token: owner,
      body: { planId: "starter", overrides: { limits: { products: 1 } } },
    });
    const pulled = (await server.call("GET", "/sync/v1/products/pull?limit=100", { token: manager })).body.documents as Product[];
    expect(pulled).toHaveLength(3);
    const renamed = await update(manager, "products", a, { ...a, name: "Renamed" });
    expect(renamed.body.refused[0]).toMatchObject({ id: a.id, code: "plan_limit" });
    expect(renamed.body.refused[0].message).toMatch(/archived or removed, not changed/);
    expect((await update(manager, "products", b, { ...b, status: "archived" as const })).body.refused).toEqual([]);
    expect(
      (await server.call("GET", "/sync/v1/products/pull?limit=100", { token: manager })).body.documents.find((p: Product) => p.id === b.id)
        .status,
    ).toBe("archived");
    const till = await server.registerTill(manager);
    const variant = { id: c.variants[0]!.id, sku: c.variants[0]!.sku, title: "Keep C", price: 100, taxRate: 2000 };
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant, qty: 1 }] });
    expect((await push(till.token, "sales", [sale])).body.refused).toEqual([]);
  });

  it("limits active staff, and several locations need multi_location and room", async () => {
    const { manager } = await shop({ limits: { staff: 2 } });
    // The first manager is one person already.
    const res = await push(manager, "staff", [person("Ann"), person("Ben")]);
    expect(res.body.refused.map((r: { code: string }) => r.code)).toEqual(["plan_limit"]);
    const settings = (await server.call("GET", "/sync/v1/settings/pull", { token: manager })).body.documents[0];
    const off = await update(manager, "settings", settings, {
      ...settings,
      locations: [...settings.locations, { id: uuidv7(), name: "Second shop" }],
    });
    expect(off.body.refused[0]).toMatchObject({ code: "module_disabled" });
    expect(off.body.refused[0].message).toMatch(/Several locations are switched off/);
    const growth = await shop({}, "growth");
    const growthSettings = (await server.call("GET", "/sync/v1/settings/pull", { token: growth.manager })).body.documents[0];
    const locations = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `loc-${i}`, name: `Location ${i}` }));
    const three = await update(growth.manager, "settings", growthSettings, {
      ...growthSettings,
      locations: [...growthSettings.locations, ...locations(2)],
    });
    expect(three.body.refused).toEqual([]);
    const pulled = (await server.call("GET", "/sync/v1/settings/pull", { token: growth.manager })).body.documents[0];
    expect(pulled.locations).toHaveLength(3);
    const four = await update(growth.manager, "settings", pulled, {
      ...pulled,
      locations: [...pulled.locations, { id: "loc-9", name: "Fourth" }],
    });
    expect(four.body.refused[0]).toMatchObject({ code: "plan_limit" });
  });

  it("answers 403 module_disabled for a switched-off online shop, online orders and emailed receipts", async () => {
    const { id, slug, manager } = await shop();
    const shopper = (await server.call("POST", `/api/v1/shop/${slug}/session`)).body.token as string;
    expect((await server.call("GET", "/sync/v1/products/pull", { token: shopper })).status).toBe(200);
    const setModules = (modules: Record<string, boolean>) =>
      server.call("PUT", `/api/v1/admin/tenants/${id}/plan`, { token: owner, body: { planId: "starter", overrides: { modules } } });

    await setModules({ online_orders: false, emailed_receipts: false });
    const checkout = await server.call("POST", `/api/v1/shop/${slug}/checkout`, {
      token: shopper,
      headers: { "idempotency-key": "limits-checkout-1" },
      body: { lines: [], email: "x@example.test", shippingOptionId: "pickup", payment: { method: "card" } },
    });
    expect(checkout.status).toBe(403);
    expect(checkout.body.error).toMatchObject({ code: "module_disabled", details: { module: "online_orders" } });
    const till = await server.registerTill(manager);
    const receipt = await server.call("POST", "/api/v1/receipts/email", { token: till.token, body: { saleId: "x", to: "x@example.test" } });
    expect(receipt.body.error).toMatchObject({ code: "module_disabled", details: { module: "emailed_receipts" } });

    await setModules({ storefront: false });
    const session = await server.call("POST", `/api/v1/shop/${slug}/session`);
    expect(session.status).toBe(403);
    expect(session.body.error.code).toBe("module_disabled");
    expect(session.body.error.message).toMatch(/The online shop is switched off/);
    // A shopper who had a token is refused at their next request; the till is not affected.
    expect((await server.call("GET", "/sync/v1/products/pull", { token: shopper })).body.error.code).toBe("module_disabled");
    expect((await server.call("GET", "/sync/v1/products/pull", { token: till.token })).status).toBe(200);
  });
});
