import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { fixedKeys } from "../auth/signing-keys";
import { defaultPaymentProviders } from "../checkout/payment-provider";
import type { OpenDatabase } from "../db/database";
import { createLogger } from "../http/logger";
import { DEMO, seedDemo } from "../seed/demo";
import { openChangeFeed, type ChangeFeed } from "../sync/change-feed";
import { ENGINES, openTestDatabase } from "../testing/test-database";

/** Polls `probe` until it returns `want` (another process hears of a commit a moment after it). */
async function eventually<T>(probe: () => Promise<T>, want: T, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got === want || Date.now() > deadline) return got;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(ENGINES)("what each process remembers of shops' domains, on %s", (engine) => {
  let database: OpenDatabase;
  const feeds: ChangeFeed[] = [];
  let a: ReturnType<typeof createApp>;
  let b: ReturnType<typeof createApp>;
  let owner: string;
  let demoId: string;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await seedDemo(database.db, { now: new Date() });
    const staticRoot = mkdtempSync(path.join(tmpdir(), "ct-domains-"));
    mkdirSync(path.join(staticRoot, "storefront", "dist"), { recursive: true });
    writeFileSync(path.join(staticRoot, "storefront", "dist", "index.html"), "<!doctype html><head></head><title>shop</title>");
    // Two server processes on one database: each with its own change feed and its own memory.
    const processApp = async () => {
      const changes = await openChangeFeed(database);
      feeds.push(changes);
      return createApp({
        db: database.db,
        dbKind: database.kind,
        copyOut: database.copyOut,
        staticRoot,
        version: "test",
        startedAt: new Date(),
        trustProxy: false,
        log: createLogger("silent"),
        keys: fixedKeys("y".repeat(32)),
        changes,
        mail: { send: async () => undefined },
        payments: defaultPaymentProviders(database.db),
      });
    };
    a = await processApp();
    b = await processApp();
    const login = await a.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: DEMO.owner.email, password: DEMO.owner.password }),
    });
    owner = ((await login.json()) as { token: string }).token;
    const list = await a.request("/api/v1/admin/tenants", { headers: { authorization: `Bearer ${owner}` } });
    demoId = ((await list.json()) as { tenants: { id: string; slug: string }[] }).tenants.find((t) => t.slug === "demo")!.id;
  });
  afterAll(async () => {
    for (const feed of feeds) await feed.close();
    await database?.close();
  });

  const asOwner = (app: typeof a, method: string, url: string, body?: unknown) =>
    app.request(url, {
      method,
      headers: { authorization: `Bearer ${owner}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** Whether `app` serves the shop's storefront at `host` (otherwise `/` sends the caller to the POS). */
  const servesShop = (app: typeof a, host: string) => async () => (await app.request("/", { headers: { host } })).status === 200;

  it("a domain given, a shop suspended or reactivated through one process is seen at once by the other", async () => {
    // B remembers that nobody answers at the host…
    expect(await servesShop(b, "pantry.example.com")()).toBe(false);
    // …until A gives it to the demo shop.
    expect((await asOwner(a, "PUT", `/api/v1/admin/tenants/${demoId}/domain`, { domain: "pantry.example.com" })).status).toBe(200);
    expect(await eventually(servesShop(b, "pantry.example.com"), true)).toBe(true);

    // B remembers the shop there; A suspends it, and B stops serving it well within its 30 s memory.
    expect((await asOwner(a, "POST", `/api/v1/admin/tenants/${demoId}/suspend`)).status).toBe(200);
    expect(await eventually(servesShop(b, "pantry.example.com"), false)).toBe(false);

    expect((await asOwner(a, "POST", `/api/v1/admin/tenants/${demoId}/activate`)).status).toBe(200);
    expect(await eventually(servesShop(b, "pantry.example.com"), true)).toBe(true);
  });
});
