import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pullAll } from "../testing/sync-client";
import { makeSale, variantsOf } from "../testing/fixtures";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { purgeClosedShops } from "./tenant-close.service";

describe.each(ENGINES)("the platform owner's console API (%s)", (engine) => {
  let server: TestServer;
  let owner: string;

  beforeAll(async () => {
    server = await startTestServer(engine);
    owner = await server.login(DEMO.owner.email, DEMO.owner.password);
  });
  afterAll(() => server.close());

  const admin = (method: string, url: string, body?: unknown) => server.call(method, `/api/v1/admin${url}`, { token: owner, body });

  it("creates a shop with the demo catalog and a one-time password: its till set-up and storefront work at once", async () => {
    expect((await admin("GET", "/tenants/slug-check?slug=green-grocer")).body).toEqual({ slug: "green-grocer", available: true });
    expect((await admin("GET", "/tenants/slug-check?slug=demo")).body).toMatchObject({ available: false });
    expect((await admin("GET", "/tenants/slug-check?slug=Admin")).body).toMatchObject({ available: false });
    const created = await admin("POST", "/tenants", {
      slug: "green-grocer",
      name: "Green Grocer",
      currency: "EUR",
      locale: "de-DE",
      managerEmail: "lea@green.test",
      managerName: "Lea",
      catalog: "demo",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: "green-grocer", invitationSent: false });
    expect(created.body.tillSetupUrl).toMatch(/\/pos\/$/);
    expect(created.body.storefrontUrl).toMatch(/\/shop\/green-grocer\/$/);
    expect(created.body.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const manager = await server.login("lea@green.test", created.body.oneTimePassword);
    const till = await server.registerTill(manager, "Counter");
    const products = (await pullAll(server, till.token, "products", 200)).docs;
    expect(products.length).toBeGreaterThan(40);
    const shopper = await server.call("POST", "/api/v1/shop/green-grocer/session");
    expect(shopper.status).toBe(201);

    // Its first sale shows in the console's figures, and its till as active.
    const variants = variantsOf(products, { standard: 1900, reduced: 700 });
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant: variants[0]!, qty: 2 }] });
    await server.call("POST", "/sync/v1/sales/push", {
      token: till.token,
      body: [{ newDocumentState: sale }],
      headers: { "x-countertop-pending": "sales=3", "x-countertop-app-version": "0.1.0+test" },
    });
    const figures = await admin("GET", `/tenants/${created.body.id}/figures?days=7`);
    expect(figures.body.days).toHaveLength(7);
    expect(figures.body.days.at(-1)).toMatchObject({ posSales: 1, posGmv: sale.total });
    const detail = await admin("GET", `/tenants/${created.body.id}`);
    expect(detail.body).toMatchObject({
      slug: "green-grocer",
      locale: "de-DE",
      status: "active",
      plan: { id: "starter" },
      usage: { registers: 1 },
    });
    expect(detail.body.registers[0]).toMatchObject({ name: "Counter", pendingDocs: 3, appVersion: "0.1.0+test" });
    expect(detail.body.registers[0].lastSyncAt).not.toBeNull();
    const page = await admin("GET", "/tenants?q=green&sort=gmv");
    expect(page.body.total).toBe(1);
    expect(page.body.tenants[0]).toMatchObject({ slug: "green-grocer", gmv30: sale.total, orders30: 1, activeTills: 1 });
    const stats = await admin("GET", "/stats?days=7");
    expect(stats.body.days.at(-1).posGmv).toBeGreaterThanOrEqual(sale.total);
    expect(stats.body.topShops.map((s: { slug: string }) => s.slug)).toContain("green-grocer");
    expect(stats.body.syncBacklog).toMatchObject({ documents: 3, tills: 1 });
  });

  it("invites a shop's first manager by an emailed single-use, expiring link", async () => {
    const created = await admin("POST", "/tenants", {
      slug: "invited",
      name: "Invited",
      currency: "EUR",
      managerEmail: "ivy@invited.test",
      invite: true,
    });
    expect(created.body).toMatchObject({ invitationSent: true });
    expect(created.body.oneTimePassword).toBeUndefined();
    const mail = server.sentMail.findLast((m) => m.to === "ivy@invited.test")!;
    expect(mail.subject).toBe("You're invited to manage Invited");
    const token = /#token=(\S+)/.exec(mail.text)![1]!;
    expect((await server.call("POST", "/api/v1/links/inspect", { body: { token } })).body).toMatchObject({
      purpose: "invite",
      role: "manager",
      email: "ivy@invited.test",
      shop: { slug: "invited" },
    });
    expect((await server.call("POST", "/api/v1/links/redeem", { body: { token, password: "short" } })).status).toBe(400);
    expect((await server.call("POST", "/api/v1/links/redeem", { body: { token, password: "ivys-new-password" } })).status).toBe(200);
    await server.login("ivy@invited.test", "ivys-new-password");
    const again = await server.call("POST", "/api/v1/links/redeem", { body: { token, password: "another-password" } });
    expect(again.body.error.message).toMatch(/already used/);
    const tampered = `${token.slice(0, -3)}abc`;
    expect((await server.call("POST", "/api/v1/links/inspect", { body: { token: tampered } })).status).toBe(404);
  });

  it("resets a forgotten password by link, answering alike for unknown emails", async () => {
    const unknown = await server.call("POST", "/api/v1/auth/password-reset", { body: { email: "nobody@nowhere.test" } });
    const known = await server.call("POST", "/api/v1/auth/password-reset", { body: { email: DEMO.owner.email } });
    expect(unknown).toEqual(known);
    expect(known.status).toBe(202);
    await vi.waitFor(() => expect(server.sentMail.some((m) => m.to === DEMO.owner.email)).toBe(true));
    const token = /#token=(\S+)/.exec(server.sentMail.findLast((m) => m.to === DEMO.owner.email)!.text)![1]!;
    const redeemed = await server.call("POST", "/api/v1/links/redeem", { body: { token, password: "a-new-owner-password" } });
    expect(redeemed.body).toMatchObject({ purpose: "reset", role: "owner" });
    // Every session of theirs ended; the new password works, the old one does not.
    expect((await admin("GET", "/tenants")).status).toBe(401);
    owner = await server.login(DEMO.owner.email, "a-new-owner-password");
    expect(
      (await server.call("POST", "/api/v1/auth/login", { body: { email: DEMO.owner.email, password: DEMO.owner.password } })).status,
    ).toBe(401);
    expect(server.sentMail.some((m) => m.to === "nobody@nowhere.test")).toBe(false);
  });

  it("suspends a shop with a reason its manager is told, refuses its till and shop, and reactivates it", async () => {
    await admin("POST", "/tenants", {
      slug: "paused",
      name: "Paused",
      currency: "EUR",
      managerEmail: "m@paused.test",
      managerPassword: "long-password-p",
    });
    const id = (await admin("GET", "/tenants?q=paused")).body.tenants[0].id as string;
    const manager = await server.login("m@paused.test", "long-password-p");
    const till = await server.registerTill(manager);
    const suspended = await admin("POST", `/tenants/${id}/suspend`, { reason: "Unpaid invoice" });
    expect(suspended.body).toMatchObject({ status: "suspended", reason: "Unpaid invoice" });
    const signIn = await server.call("POST", "/api/v1/auth/login", { body: { email: "m@paused.test", password: "long-password-p" } });
    expect(signIn.body.error).toMatchObject({ code: "tenant_suspended", details: { reason: "Unpaid invoice" } });
    expect(signIn.body.error.message).toContain("Reason: Unpaid invoice");
    const pull = await server.call("GET", "/sync/v1/products/pull", { token: till.token });
    expect(pull.body.error).toMatchObject({ code: "tenant_suspended" });
    expect((await server.call("POST", "/api/v1/shop/paused/session")).body.error.message).toMatch(/closed for now/);
    expect((await admin("GET", "/tenants?status=suspended")).body.tenants.map((t: { slug: string }) => t.slug)).toEqual(["paused"]);
    await admin("POST", `/tenants/${id}/activate`);
    expect((await server.call("GET", "/sync/v1/products/pull", { token: till.token })).status).toBe(200);
    const trail = await admin("GET", `/audit?tenantId=${id}&action=tenant.`);
    expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual(["tenant.activated", "tenant.suspended", "tenant.created"]);
    expect(trail.body.events[1]).toMatchObject({ actorKind: "owner", details: { reason: "Unpaid invoice" }, shop: { slug: "paused" } });
    expect(trail.body.events[1].actorName).toContain(DEMO.owner.email);
  });

  it("sets a custom domain, verifies that the host reaches this server, and removes it", async () => {
    const id = (await admin("GET", "/tenants?q=paused")).body.tenants[0].id as string;
    expect((await admin("POST", `/tenants/${id}/domain/verify`)).status).toBe(409);
    await admin("PUT", `/tenants/${id}/domain`, { domain: "shop.paused.test" });
    const verified = await admin("POST", `/tenants/${id}/domain/verify`);
    expect(verified.body).toMatchObject({ domain: "shop.paused.test", verified: true });
    expect((await admin("GET", `/tenants/${id}`)).body.domainVerifiedAt).not.toBeNull();
    expect((await admin("DELETE", `/tenants/${id}/domain`)).body).toMatchObject({ domain: null });
    expect((await admin("GET", `/tenants/${id}`)).body).toMatchObject({ domain: null, domainVerifiedAt: null });
  });

  it("exports a shop's every collection as a ZIP, closes it with a grace period, restores it, and deletes it after the grace", async () => {
    const id = (await admin("GET", "/tenants?q=green")).body.tenants[0].id as string;
    const res = await server.app.request(`/api/v1/admin/tenants/${id}/export`, { headers: { authorization: `Bearer ${owner}` } });
    expect(res.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(["shop.json", "collections/products.jsonl", "collections/sales.jsonl", "managers.jsonl"]),
    );
    expect(strFromU8(files["collections/products.jsonl"]!).trim().split("\n").length).toBeGreaterThan(40);
    expect(strFromU8(files["managers.jsonl"]!)).not.toContain("scrypt");

    const closed = await admin("POST", `/tenants/${id}/close`, { reason: "Shop closed for good", graceDays: 30 });
    expect(closed.body).toMatchObject({ status: "closed" });
    expect((await server.call("POST", "/api/v1/shop/green-grocer/session")).status).toBe(404);
    expect((await admin("POST", `/tenants/${id}/restore`)).body).toMatchObject({ status: "active" });
    await admin("POST", `/tenants/${id}/close`, { graceDays: 1 });
    expect(await purgeClosedShops(server.database.db, new Date())).toEqual([]);
    expect(await purgeClosedShops(server.database.db, new Date(Date.now() + 2 * 86_400_000))).toEqual([id]);
    expect((await admin("GET", `/tenants/${id}`)).body).toMatchObject({
      status: "deleted",
      usage: { products: 0, registers: 0 },
      registers: [],
      managers: [],
    });
    expect((await admin("POST", `/tenants/${id}/restore`)).status).toBe(409);
    expect((await admin("GET", `/audit?tenantId=${id}&action=tenant.deleted`)).body.events).toHaveLength(1);
  });

  it("lists, sorts and pages the shops; filters the audit log; shows plans and health; never edits the log", async () => {
    const page = await admin("GET", "/tenants?sort=name&dir=asc&pageSize=2&page=1");
    expect(page.body.tenants).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(3);
    const names = page.body.tenants.map((t: { name: string }) => t.name);
    expect([...names].sort((a: string, b: string) => a.localeCompare(b))).toEqual(names);
    expect((await admin("GET", "/tenants?sort=nonsense")).status).toBe(400);
    const signIns = await admin("GET", "/audit?scope=platform&action=auth.sign_in&limit=1");
    expect(signIns.body.events).toHaveLength(1);
    expect(signIns.body.next).not.toBeNull();
    const older = await admin("GET", `/audit?scope=platform&action=auth.sign_in&limit=1&before=${encodeURIComponent(signIns.body.next)}`);
    expect(older.body.events[0].at <= signIns.body.events[0].at).toBe(true);
    expect((await admin("GET", "/plans")).body.plans.map((p: { id: string }) => p.id)).toEqual(["starter", "growth", "scale"]);
    const health = await admin("GET", "/health");
    expect(health.body).toMatchObject({ ok: true, database: { reachable: true }, outboxes: { mail: { depth: 0 } } });
    expect(health.body.lastHour.routes.length).toBeGreaterThan(3);
    for (const method of ["PUT", "PATCH", "DELETE", "POST"]) expect((await admin(method, "/audit")).status).toBe(404);
    await expect(server.database.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
  });

  it("keeps the console to the platform owner", async () => {
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    for (const path of ["/tenants", "/stats", "/health", "/audit", "/plans", "/owners"]) {
      expect((await server.call("GET", `/api/v1/admin${path}`, { token: manager })).status).toBe(403);
      expect((await server.call("GET", `/api/v1/admin${path}`)).status).toBe(401);
    }
  });
});
