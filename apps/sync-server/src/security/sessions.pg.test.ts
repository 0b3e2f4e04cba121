import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../db/tenant-scope";
import { makeSale, variantsOf, type TestVariant } from "../testing/fixtures";
import type { WireDoc } from "../testing/http-client";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/*
 * Who may act, checked on every request: manager sessions that end when signed out or disabled,
 * PINs only through the server, tills and shops that may still hand in their sales when revoked
 * or suspended (and nothing else), older clients after an upgrade, and an audit log nobody edits.
 */

describe.each(ENGINES)("sessions, PINs and standing on %s", (engine) => {
  let server: TestServer;
  let variant: TestVariant;
  let tenantId: string;

  const login = (email: string = DEMO.manager.email, password: string = DEMO.manager.password) =>
    server.call("POST", "/api/v1/auth/login", { body: { email, password } });
  const whoAmI = (token: string) => server.call("GET", "/api/v1/devices", { token });
  const auditOf = (action: string) =>
    withTenant(server.database.db, tenantId, (trx) =>
      trx.selectFrom("audit_log").select(["action", "outcome", "event"]).where("action", "=", action).execute(),
    );

  beforeAll(async () => {
    server = await startTestServer(engine);
    const manager = (await login()).body.token;
    const till = await server.registerTill(manager, "Variant finder");
    variant = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 })[0]!;
    tenantId = (await server.call("POST", "/api/v1/shop/demo/session")).body.tenantId;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("gives a manager a session of at most 12 hours, and ends it (or all of them) on sign-out", async () => {
    const first = await login();
    expect(first.status).toBe(200);
    expect(Date.parse(first.body.expiresAt) - Date.now()).toBeLessThanOrEqual(12 * 3600_000);
    const second = (await login()).body.token;
    expect((await whoAmI(first.body.token)).status).toBe(200);
    expect((await server.call("POST", "/api/v1/auth/logout", { token: first.body.token })).status).toBe(204);
    expect((await whoAmI(first.body.token)).status).toBe(401);
    expect((await whoAmI(second)).status).toBe(200);
    const third = (await login()).body.token;
    expect((await server.call("POST", "/api/v1/auth/logout", { token: third, body: { everywhere: true } })).status).toBe(204);
    expect((await whoAmI(second)).status).toBe(401);
    expect((await auditOf("auth.sign_out")).length).toBeGreaterThanOrEqual(2);
  });

  it("ends a manager's sessions and PIN at once when their staff document is deactivated — and the other way round", async () => {
    const owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    await server.call("POST", "/api/v1/admin/tenants", {
      token: owner,
      body: {
        slug: "two-bosses",
        name: "Two Bosses",
        currency: "EUR",
        managerEmail: "one@bosses.test",
        managerPassword: "long-password-1",
      },
    });
    const one = (await login("one@bosses.test", "long-password-1")).body;
    const staff = (await pullAll(server, one.token, "staff", 100)).docs;
    const oneAsStaff = staff.find((s) => s.userId === one.userId)!;
    expect(oneAsStaff).toMatchObject({ role: "manager", active: true });
    // The last active manager cannot be disabled.
    expect((await server.call("POST", `/api/v1/users/${one.userId}/disable`, { token: one.token })).status).toBe(409);
    // A second manager (a staff document pushed by the first) — then the first deactivates themselves as staff.
    const push = await server.call("POST", "/sync/v1/staff/push", {
      token: one.token,
      body: [{ assumedMasterState: oneAsStaff, newDocumentState: { ...oneAsStaff, active: false } }],
    });
    expect(push).toMatchObject({ status: 200, body: [] });
    expect((await whoAmI(one.token)).status).toBe(401);
    expect((await login("one@bosses.test", "long-password-1")).status).toBe(401);
  });

  it("sets PINs only through the server, within the role's length, and never through a push", async () => {
    const manager = (await login()).body.token;
    const staff = (await pullAll(server, manager, "staff", 100)).docs;
    const cashier = staff.find((s) => s.role === "cashier")!;
    const boss = staff.find((s) => s.role === "manager")!;
    const setPin = (id: string, pin: string) => server.call("PUT", `/api/v1/staff/${id}/pin`, { token: manager, body: { pin } });
    expect((await setPin(boss.id as string, "1357")).body.error.message).toContain("6 to 8 digits");
    expect((await setPin(cashier.id as string, "12a4")).status).toBe(400);
    expect((await setPin(cashier.id as string, "1111")).status).toBe(400);
    const set = await setPin(cashier.id as string, "2468");
    expect(set.status).toBe(200);
    expect(set.body.staff.pinHash).toBeUndefined();
    const after = (await pullAll(server, manager, "staff", 100)).docs.find((s) => s.id === cashier.id)!;
    expect(after.pinHash).toMatch(/^pbkdf2-sha256\$600000\$/);
    expect(after.pinHash).not.toBe(cashier.pinHash);
    const pin = (await auditOf("staff.pin_set")).at(-1);
    expect(JSON.stringify(pin?.event)).not.toContain("2468");
    // A client may not write a hash of its own choosing.
    const forged = await server.call("POST", "/sync/v1/staff/push", {
      token: manager,
      headers: { "x-countertop-detail": "1" },
      body: [{ assumedMasterState: after, newDocumentState: { ...after, pinHash: "pbkdf2-sha256$1$AAAA$AAAA" } }],
    });
    expect(forged.body.refused).toEqual([expect.objectContaining({ id: cashier.id, code: "forbidden" })]);
    expect((await pullAll(server, manager, "staff", 100)).docs.find((s) => s.id === cashier.id)!.pinHash).toBe(after.pinHash);
    expect((await setPin(cashier.id as string, "2468")).status).toBe(200);
    expect((await server.call("PUT", `/api/v1/staff/${cashier.id}/pin`, { body: { pin: "2468" } })).status).toBe(401);
  });

  it("accepts a revoked till's sales, flagged for review, and refuses everything else from it", async () => {
    const manager = (await login()).body.token;
    const till = await server.registerTill(manager, "Soon revoked");
    expect((await server.call("DELETE", `/api/v1/devices/${till.id}`, { token: manager })).status).toBe(204);
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant, qty: 1 }] });
    expect(await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: [{ newDocumentState: sale }] })).toEqual({
      status: 200,
      body: [],
    });
    const item = (await pullAll(server, manager, "reconciliation", 1000)).docs.find((i) => i.id === `flagged_sale:${sale.id}`);
    expect(item).toMatchObject({ kind: "flagged_sale", details: { reasons: ["revoked_till"] } });
    expect((await server.call("GET", "/sync/v1/products/pull", { token: till.token })).status).toBe(401);
    expect((await server.call("POST", "/sync/v1/customers/push", { token: till.token, body: [] })).status).toBe(401);
    expect((await auditOf("device.revoked")).length).toBeGreaterThanOrEqual(1);
  });

  it("accepts a suspended shop's till sales, flagged, and refuses everything else until it is active again", async () => {
    const manager = (await login()).body.token;
    const owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    const till = await server.registerTill(manager, "Suspended till");
    expect((await server.call("POST", `/api/v1/admin/tenants/${tenantId}/suspend`, { token: owner })).status).toBe(200);
    try {
      const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant, qty: 1 }] });
      expect((await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: [{ newDocumentState: sale }] })).status).toBe(
        200,
      );
      expect((await server.call("GET", "/sync/v1/products/pull", { token: till.token })).body.error.code).toBe("tenant_suspended");
      expect((await server.call("GET", "/api/v1/devices", { token: manager })).status).toBe(403);
      const stored = await withTenant(server.database.db, tenantId, (trx) =>
        trx.selectFrom("reconciliation").select("doc").where("id", "=", `flagged_sale:${sale.id}`).executeTakeFirst(),
      );
      expect(stored?.doc.details).toMatchObject({ reasons: ["suspended_shop"] });
    } finally {
      await server.call("POST", `/api/v1/admin/tenants/${tenantId}/activate`, { token: owner });
    }
  });

  it("serves a till still speaking the previous protocol version: it pushes its sales after a server upgrade", async () => {
    const manager = (await login()).body.token;
    const till = await server.registerTill(manager, "Old app");
    const {
      approvals: _a,
      approvedBy: _b,
      ...v1Sale
    } = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant, qty: 1 }] }) as WireDoc;
    const res = await server.call("POST", "/sync/v1/sales/push", {
      token: till.token,
      headers: { "x-countertop-protocol": "1" },
      body: [{ newDocumentState: v1Sale }],
    });
    expect(res).toEqual({ status: 200, body: [] });
    expect((await server.call("GET", "/sync/v1/sales/pull", { token: till.token, headers: { "x-countertop-protocol": "0" } })).status).toBe(
      426,
    );
  });

  it("keeps an append-only audit log: refusals, price changes and sign-ins are in it, and no role can change a line", async () => {
    const manager = (await login()).body.token;
    const till = await server.registerTill(manager, "Audited till");
    const product = (await pullAll(server, manager, "products", 1000)).docs[3]!;
    const cheaper = { ...product, variants: (product.variants as WireDoc[]).map((v) => ({ ...v, price: 1 })) };
    await server.call("POST", "/sync/v1/products/push", {
      token: till.token,
      body: [{ assumedMasterState: product, newDocumentState: cheaper }],
    });
    await server.call("POST", "/sync/v1/products/push", {
      token: manager,
      body: [{ assumedMasterState: product, newDocumentState: cheaper }],
    });
    const refused = (await auditOf("sync.refused")).find((e) => JSON.stringify(e.event).includes(product.id as string));
    expect(refused).toMatchObject({ outcome: "refused", event: { v: 1, actor: { kind: "device", id: till.id } } });
    expect((await auditOf("product.price_changed")).some((e) => JSON.stringify(e.event).includes(product.id as string))).toBe(true);
    expect((await auditOf("auth.sign_in")).some((e) => e.outcome === "ok")).toBe(true);
    await login(DEMO.manager.email, "wrong password");
    expect((await auditOf("auth.sign_in")).some((e) => e.outcome === "refused")).toBe(true);
    for (const statement of [sql`update audit_log set outcome = 'ok'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      await expect(statement.execute(server.database.db)).rejects.toThrow(/append-only/);
      await expect(withTenant(server.database.db, tenantId, (trx) => statement.execute(trx))).rejects.toThrow();
    }
  });
});
