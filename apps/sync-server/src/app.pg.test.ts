import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { fixedKeys } from "./auth/signing-keys";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPaymentProviders } from "./checkout/payment-provider";
import { createLogger } from "./http/logger";
import { createApp } from "./app";
import { openChangeFeed, type ChangeFeed } from "./sync/change-feed";
import type { OpenDatabase } from "./db/database";
import { ENGINES, openTestDatabase } from "./testing/test-database";

const quiet = createLogger("silent");

/** A fake build of each app: an index.html shell and one hashed asset. */
function fakeBuilds(): string {
  const root = mkdtempSync(path.join(tmpdir(), "ct-static-"));
  for (const app of ["pos", "storefront", "admin"]) {
    mkdirSync(path.join(root, app, "dist", "_app"), { recursive: true });
    writeFileSync(path.join(root, app, "dist", "index.html"), `<!doctype html><title>${app}</title><div id="root"></div>`);
    writeFileSync(path.join(root, app, "dist", "_app", "index-abcdef12.js"), `console.log("${app}")`);
    writeFileSync(path.join(root, app, "dist", "manifest.webmanifest"), `{"name":"${app}"}`);
  }
  return root;
}

describe.each(ENGINES)("app on %s", (engine) => {
  let database: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let changes: ChangeFeed;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    changes = await openChangeFeed(database);
    app = createApp({
      db: database.db,
      dbKind: database.kind,
      copyOut: database.copyOut,
      staticRoot: fakeBuilds(),
      version: "test",
      startedAt: new Date(),
      trustProxy: false,
      log: quiet,
      keys: fixedKeys("x".repeat(32)),
      changes,
      mail: { send: async () => undefined },
      payments: defaultPaymentProviders(database.db),
    });
  });
  afterAll(async () => {
    await changes?.close();
    await database?.close();
  });

  it("reports health with the database engine", async () => {
    const res = await app.request("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, db: engine });
  });

  it("answers unknown routes with a JSON 404", async () => {
    const res = await app.request("/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "No route for GET /nope" } });
  });

  it.each([
    ["/pos/", "pos"],
    ["/pos/sell/anything", "pos"],
    ["/admin/", "admin"],
    ["/admin/tenants", "admin"],
    ["/shop/demo/", "storefront"],
    ["/shop/demo/p/123", "storefront"],
  ])("serves the app shell at %s", async (url, appName) => {
    const res = await app.request(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toContain(`<title>${appName}</title>`);
  });

  it("serves hashed assets as immutable and the shop's shared files", async () => {
    const pos = await app.request("/pos/_app/index-abcdef12.js");
    expect(pos.status).toBe(200);
    expect(pos.headers.get("cache-control")).toContain("immutable");
    expect(await pos.text()).toContain('"pos"');
    const shop = await app.request("/shop/_app/index-abcdef12.js");
    expect(await shop.text()).toContain('"storefront"');
    const manifest = await app.request("/shop/manifest.webmanifest");
    expect(manifest.status).toBe(200);
    expect((await app.request("/shop/no-such-shop/manifest.webmanifest")).status).toBe(404);
  });

  it("redirects bare prefixes to the app", async () => {
    for (const [from, to] of [
      ["/pos", "/pos/"],
      ["/admin", "/admin/"],
      ["/shop/demo", "/shop/demo/"],
      ["/", "/pos/"],
    ] as const) {
      const res = await app.request(from);
      expect(res.status).toBeGreaterThanOrEqual(301);
      expect(res.headers.get("location")).toBe(to);
    }
  });
});
