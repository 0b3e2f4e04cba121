import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../testing/test-database";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";

describe.each(ENGINES)("auth and tenants on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("signs in the owner and a manager, and refuses a wrong password with one message", async () => {
    const owner = await server.call("POST", "/api/v1/auth/login", { body: { email: DEMO.owner.email, password: DEMO.owner.password } });
    expect(owner).toMatchObject({ status: 200, body: { role: "owner" } });
    const manager = await server.call("POST", "/api/v1/auth/login", {
      body: { email: DEMO.manager.email.toUpperCase(), password: DEMO.manager.password },
    });
    expect(manager).toMatchObject({ status: 200, body: { role: "manager", tenantSlug: "demo" } });
    const wrong = await server.call("POST", "/api/v1/auth/login", { body: { email: DEMO.manager.email, password: "nope" } });
    expect(wrong).toEqual({ status: 401, body: { error: { code: "unauthorized", message: "Email or password is wrong." } } });
    const unknown = await server.call("POST", "/api/v1/auth/login", { body: { email: "nobody@x.test", password: "nope" } });
    expect(unknown.body).toEqual(wrong.body);
  });

  it("rejects malformed sign-ins with 400", async () => {
    expect((await server.call("POST", "/api/v1/auth/login", { body: "{not json" })).status).toBe(400);
    expect((await server.call("POST", "/api/v1/auth/login", { body: { email: 5 } })).body.error.code).toBe("bad_request");
  });

  it("rate-limits repeated wrong passwords for one account", async () => {
    const attempt = () => server.call("POST", "/api/v1/auth/login", { body: { email: "victim@demo.test", password: "guess" } });
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("registers and revokes a till; a revoked till is refused at its next request", async () => {
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    const till = await server.registerTill(manager, "Counter 3");
    expect((await server.call("GET", "/sync/v1/products/pull?limit=1", { token: till.token })).status).toBe(200);
    const settings = await server.call("GET", "/sync/v1/settings/pull", { token: till.token });
    expect(settings.body.documents[0].registers.map((r: { name: string }) => r.name)).toContain("Counter 3");
    expect((await server.call("DELETE", `/api/v1/devices/${till.id}`, { token: manager })).status).toBe(204);
    const after = await server.call("GET", "/sync/v1/products/pull?limit=1", { token: till.token });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toContain("revoked");
  });

  it("keeps devices and tenants to their roles", async () => {
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    const owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    expect((await server.call("POST", "/api/v1/admin/tenants", { token: manager, body: {} })).status).toBe(403);
    expect((await server.call("POST", "/api/v1/devices", { token: owner, body: { name: "x" } })).status).toBe(403);
    expect((await server.call("POST", "/api/v1/devices", { body: { name: "x" } })).status).toBe(401);
    expect((await server.call("POST", "/api/v1/devices", { token: "garbage", body: { name: "x" } })).status).toBe(401);
  });

  it("creates a tenant, suspends it (its tokens stop at the next request) and activates it", async () => {
    const owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    const created = await server.call("POST", "/api/v1/admin/tenants", {
      token: owner,
      body: { slug: "bakery-b", name: "Bakery B", currency: "EUR", managerEmail: "boss@bakery-b.test", managerPassword: "long-password-1" },
    });
    expect(created.status).toBe(201);
    const dup = await server.call("POST", "/api/v1/admin/tenants", {
      token: owner,
      body: { slug: "bakery-b", name: "X", currency: "EUR", managerEmail: "a@b.test", managerPassword: "long-password-1" },
    });
    expect(dup.status).toBe(409);
    const manager = await server.login("boss@bakery-b.test", "long-password-1");
    const till = await server.registerTill(manager);
    expect((await server.call("POST", `/api/v1/admin/tenants/${created.body.id}/suspend`, { token: owner })).body.status).toBe("suspended");
    const refused = await server.call("GET", "/sync/v1/products/pull", { token: till.token });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "tenant_suspended" } } });
    expect(
      (await server.call("POST", "/api/v1/auth/login", { body: { email: "boss@bakery-b.test", password: "long-password-1" } })).status,
    ).toBe(403);
    expect((await server.call("POST", "/api/v1/shop/bakery-b/session")).status).toBe(404);
    await server.call("POST", `/api/v1/admin/tenants/${created.body.id}/activate`, { token: owner });
    expect((await server.call("GET", "/sync/v1/products/pull", { token: till.token })).status).toBe(200);
  });
});
