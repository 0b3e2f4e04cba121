import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Product, Settings, Staff } from "@countertop/sync-protocol";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { pullAll } from "../testing/sync-client";

/** The smallest valid PNG (1×1), and a JPEG's first bytes. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/*
 * The back office's server side: images stored by content and served immutable, the catalog CSV
 * (dry run, update by SKU, add only, every refused row with its reason), people added with a PIN
 * (and a manager with a sign-in), tills renamed.
 */
describe.each(ENGINES)("the back office on %s", (engine) => {
  let server: TestServer;
  let manager: string;

  beforeAll(async () => {
    server = await startTestServer(engine);
    manager = await server.login(DEMO.manager.email, DEMO.manager.password);
  });
  afterAll(() => server.close());

  const upload = (body: Uint8Array, token = manager) =>
    server.app.request("/api/v1/media", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "image/png" },
      body,
    });
  const importCsv = async (csv: string, query: string) =>
    server.call("POST", `/api/v1/catalog/import?${query}`, { token: manager, body: csv, headers: { "content-type": "text/csv" } });

  it("stores an image under its SHA-256 and serves it immutable; refuses other files and a till", async () => {
    const first = await upload(PNG);
    expect(first.status).toBe(201);
    const { url } = (await first.json()) as { url: string };
    expect(url).toMatch(/^\/media\/[0-9a-f-]{36}\/[0-9a-f]{64}\.png$/);
    expect(((await (await upload(PNG)).json()) as { url: string }).url).toBe(url);
    const served = await server.app.request(url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await server.app.request(url.replace(/[0-9a-f]{64}/, "0".repeat(64)))).status).toBe(404);

    const text = await upload(new TextEncoder().encode("<svg onload=alert(1)>"));
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: { message: string } }).error.message).toContain("not a JPEG, PNG or WebP");
    const huge = await upload(new Uint8Array(3 * 1024 * 1024));
    expect(huge.status).toBe(413);
    const till = await server.registerTill(manager, "Media till");
    expect((await upload(PNG, till.token)).status).toBe(403);
  });

  it("imports the catalog CSV: a dry run changes nothing, then updates by SKU and adds, refusing bad rows with reasons", async () => {
    const before = (await pullAll(server, manager, "products", 1000)).docs as Product[];
    const mate = before.find((p) => p.name === "Club-Mate")!;
    const sku = mate.variants[0]!.sku;
    const csv = [
      "product,variant,sku,barcode,price,cost,track_stock,category,tax_rate,status,description",
      `Club-Mate,0.5 l,${sku},,3.10,,yes,,,,`,
      "Oat cookie,Single,OAT-1,4006381333931,1.20,0.40,yes,Biscuits,Reduced 7%,active,Baked here",
      "Oat cookie,Box of 6,OAT-6,,6.50,,no,Biscuits,reduced,,",
      "Bad price,,BAD-1,,two euros,,yes,,,,",
      "Bad barcode,,BAD-2,4006381333932,1.00,,yes,,,,",
      "Bad tax,,BAD-3,,1.00,,yes,,Luxury 30%,,",
      `Dupe,,OAT-1,,1.00,,yes,,,,`,
    ].join("\n");
    const dry = await importCsv(csv, "dryRun=1");
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 7, added: 2, updated: 1, newCategories: ["Biscuits"] });
    expect(dry.body.changes).toContainEqual({ line: 2, sku, action: "update", fields: ["price"] });
    expect(dry.body.refused.map((r: { line: number; reason: string }) => [r.line, r.reason])).toEqual([
      [5, 'price "two euros" is not an amount like 2.50'],
      [6, "barcode: The check digit of this EAN-13 is wrong: it should end in 1."],
      [7, 'tax_rate "Luxury 30%" is not one of the shop\'s tax rates'],
      [8, "sku OAT-1 is on an earlier row too"],
    ]);
    expect(((await pullAll(server, manager, "products", 1000)).docs as Product[]).length).toBe(before.length);

    const done = await importCsv(csv, "");
    expect(done.body).toMatchObject({ dryRun: false, added: 2, updated: 1 });
    const after = (await pullAll(server, manager, "products", 1000)).docs as Product[];
    expect(after.find((p) => p.id === mate.id)!.variants[0]!.price).toBe(310);
    const cookie = after.find((p) => p.name === "Oat cookie")!;
    expect(cookie).toMatchObject({ taxRateId: "reduced", description: "Baked here", status: "active" });
    expect(cookie.variants.map((v) => [v.sku, v.price, v.trackStock])).toEqual([
      ["OAT-1", 120, true],
      ["OAT-6", 650, false],
    ]);
    // Add only: an SKU the shop has is skipped, not changed.
    const addOnly = await importCsv(`product,sku,price\nClub-Mate,${sku},9.99\nTea,TEA-1,2.00`, "mode=add");
    expect(addOnly.body).toMatchObject({ added: 1, skipped: 1, updated: 0 });

    const exported = await server.app.request("/api/v1/catalog/export", { headers: { authorization: `Bearer ${manager}` } });
    const text = await exported.text();
    expect(exported.headers.get("content-type")).toContain("text/csv");
    expect(text.split(/\r?\n/)[0]).toBe("product,variant,sku,barcode,price,cost,track_stock,category,tax_rate,status,description");
    expect(text).toContain("Oat cookie,Single,OAT-1,4006381333931,1.20,0.40,yes,Biscuits,Reduced 7%,active,Baked here");
    expect((await importCsv("name,price\nx,1", "")).status).toBe(400);
  });

  it("adds a cashier with a PIN and a manager with a sign-in; refuses a short manager PIN and a taken email", async () => {
    const cashier = await server.call("POST", "/api/v1/staff", {
      token: manager,
      body: { name: "Lena Fischer", role: "cashier", pin: "4711" },
    });
    expect(cashier.status).toBe(201);
    expect(cashier.body.staff).not.toHaveProperty("pinHash");
    const staff = (await pullAll(server, manager, "staff", 1000)).docs as Staff[];
    expect(staff.find((s) => s.id === cashier.body.staff.id)?.pinHash).toMatch(/^pbkdf2-sha256\$/);

    const short = await server.call("POST", "/api/v1/staff", {
      token: manager,
      body: { name: "Ole", role: "manager", pin: "1357", email: "ole@demo.test", password: "a-long-password" },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toContain("6 to 8 digits");
    const added = await server.call("POST", "/api/v1/staff", {
      token: manager,
      body: { name: "Ole Berg", role: "manager", pin: "135790", email: "Ole@demo.test", password: "a-long-password" },
    });
    expect(added.status).toBe(201);
    expect(added.body.staff.userId).toBeTruthy();
    expect(await server.login("ole@demo.test", "a-long-password")).toBeTruthy();
    const taken = await server.call("POST", "/api/v1/staff", {
      token: manager,
      body: { name: "Maya 2", role: "manager", pin: "135791", email: DEMO.manager.email, password: "a-long-password" },
    });
    expect(taken.status).toBe(409);
  });

  it("keeps both of two managers' offline edits to different fields of a product; on the same field the server's value wins and the loser is told", async () => {
    const other = await server.login(DEMO.manager.email, DEMO.manager.password);
    const seen = ((await pullAll(server, manager, "products", 1000)).docs as Product[]).find((p) => p.name === "Caffè Latte")!;
    const variant = seen.variants[0]!;
    const push = (token: string, doc: Product, assumed: Product = seen) =>
      server.call("POST", "/sync/v1/products/push", { token, body: [{ assumedMasterState: assumed, newDocumentState: doc }] });
    // Both edited the same version offline: one the description, the other the price.
    expect((await push(manager, { ...seen, description: "Silky milk, double shot" })).body).toEqual([]);
    const merged = await push(other, { ...seen, variants: [{ ...variant, price: 150 }, ...seen.variants.slice(1)] });
    // The second comes back merged (the client takes the merged version as the master state).
    expect(merged.body).toHaveLength(1);
    expect([merged.body[0].description, merged.body[0].variants[0].price]).toEqual(["Silky milk, double shot", 150]);
    let now = ((await pullAll(server, manager, "products", 1000)).docs as Product[]).find((p) => p.id === seen.id)!;
    expect(now.description).toBe("Silky milk, double shot");
    expect(now.variants[0]!.price).toBe(150);
    // Both changed the price from what they saw: the one that arrived first stays, the other gets it back.
    const first = await push(manager, { ...now, variants: [{ ...variant, price: 170 }, ...now.variants.slice(1)] }, now);
    expect(first.body).toEqual([]);
    const second = await server.call("POST", "/sync/v1/products/push", {
      token: other,
      body: [
        {
          assumedMasterState: now,
          newDocumentState: { ...now, name: "Caffè Latte (oat)", variants: [{ ...variant, price: 190 }, ...now.variants.slice(1)] },
        },
      ],
    });
    expect(second.body).toHaveLength(1);
    expect(second.body[0].variants[0].price).toBe(170);
    expect(second.body[0].name).toBe("Caffè Latte (oat)");
    now = ((await pullAll(server, manager, "products", 1000)).docs as Product[]).find((p) => p.id === seen.id)!;
    expect([now.name, now.variants[0]!.price]).toEqual(["Caffè Latte (oat)", 170]);
  });

  it("renames a till in its device row and in the settings every till reads", async () => {
    const till = await server.registerTill(manager, "Back counter");
    expect((await server.call("PATCH", `/api/v1/devices/${till.id}`, { token: manager, body: { name: "Café counter" } })).status).toBe(204);
    const listed = await server.call("GET", "/api/v1/devices", { token: manager });
    expect(listed.body.devices.find((d: { id: string }) => d.id === till.id).name).toBe("Café counter");
    const settings = (await pullAll(server, manager, "settings", 10)).docs[0] as Settings;
    expect(settings.registers.find((r) => r.id === till.id)?.name).toBe("Café counter");
    expect((await server.call("PATCH", `/api/v1/devices/${till.id}`, { token: manager, body: { name: "" } })).status).toBe(400);
  });
});
