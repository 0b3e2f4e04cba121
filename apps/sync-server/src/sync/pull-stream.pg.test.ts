import { brotliDecompressSync } from "node:zlib";
import { PROTOCOL_VERSION, PROTOCOL_VERSION_HEADER, readPullPageHeaders, salesWindowStart } from "@countertop/sync-protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../db/tenant-scope";
import { makeSale, variantsOf } from "../testing/fixtures";
import type { WireDoc } from "../testing/http-client";
import { ENGINES } from "../testing/test-database";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { pullAll, sseReader } from "../testing/sync-client";

describe.each(ENGINES)("sync pull and stream on %s", (engine) => {
  let server: TestServer;
  let manager: string;
  let till: { id: string; token: string };

  beforeAll(async () => {
    server = await startTestServer(engine);
    manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    till = await server.registerTill(manager);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("pulls a collection in seq order, page by page, and echoes the checkpoint when nothing is new", async () => {
    const { docs, seq } = await pullAll(server, till.token, "products", 7);
    expect(docs.length).toBeGreaterThanOrEqual(55);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    const again = await server.call("GET", `/sync/v1/products/pull?seq=${seq}`, { token: till.token });
    expect(again.body).toEqual({ documents: [], checkpoint: { seq } });
    // Server fields stay out of documents, so assumedMasterState stays comparable.
    expect(docs.every((d) => !("seq" in d) && d._deleted === false)).toBe(true);
  });

  it("says in a page's headers where it ends, how many documents it holds and where a full next page ends, compressed or not", async () => {
    const headers = { authorization: `Bearer ${till.token}`, [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION) };
    type Page = { documents: unknown[]; checkpoint: { seq: string } };
    const body = async (query: string) => (await server.call("GET", `/sync/v1/products/pull?${query}`, { token: till.token })).body as Page;
    const pageHeaders = async (query: string, encoding = "identity") => {
      const answer = await server.app.request(`/sync/v1/products/pull?${query}`, { headers: { ...headers, "accept-encoding": encoding } });
      return readPullPageHeaders((name) => answer.headers.get(name));
    };
    // A page from the start also says how many documents the whole pull brings.
    const total = (await pullAll(server, till.token, "products", 1000)).docs.length;
    for (const encoding of ["identity", "br"]) {
      const page = await body("limit=5");
      const next = await body(`limit=5&seq=${page.checkpoint.seq}`);
      expect(next.documents).toHaveLength(5);
      expect(await pageHeaders("limit=5", encoding)).toEqual({
        checkpoint: page.checkpoint,
        documents: 5,
        following: next.checkpoint,
        total,
      });
    }
    // Page after page: each full page says where the next one ends whenever that one is full too;
    // a product renamed first has the newest seq, of more digits than the others (ordered as numbers).
    const [renamed] = (await pullAll(server, till.token, "products", 1)).docs;
    const push = await server.call("POST", "/sync/v1/products/push", {
      token: manager,
      body: [{ assumedMasterState: renamed, newDocumentState: { ...renamed, name: `${String(renamed!.name)} (renamed)` } }],
    });
    expect(push.status).toBe(200);
    let since = "0";
    for (let pages = 0; ; pages++) {
      const said = await pageHeaders(`limit=3&seq=${since}`);
      const next = await body(`limit=3&seq=${said!.checkpoint.seq}`);
      expect(said?.following).toEqual(said!.documents === 3 && next.documents.length === 3 ? next.checkpoint : undefined);
      if (next.documents.length === 0) {
        expect(pages).toBeGreaterThan(10);
        break;
      }
      since = said!.checkpoint.seq;
    }
    // A full page whose next page is not full: where that one ends is left out.
    const { docs, seq } = await pullAll(server, till.token, "products", 1000);
    const all = docs.length - 1;
    expect(await pageHeaders(`limit=${all}`)).toEqual({
      checkpoint: (await body(`limit=${all}`)).checkpoint,
      documents: all,
      total: docs.length,
    });
    // A page after a checkpoint does not count: only a pull from the start does.
    expect((await pageHeaders(`limit=${all}&seq=0`))?.total).toBeUndefined();
    // The last page: fewer than asked for; then nothing new, the checkpoint echoed.
    expect(await pageHeaders(`seq=${seq}`)).toEqual({ checkpoint: { seq }, documents: 0 });
  });

  it("compresses a pull page when asked, and never the live stream", async () => {
    const url = "/sync/v1/products/pull?limit=50";
    const headers = { authorization: `Bearer ${till.token}`, [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION) };
    const plain = await server.app.request(url, { headers });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toContain("Accept-Encoding");
    const page = await plain.json();
    const br = await server.app.request(url, { headers: { ...headers, "accept-encoding": "gzip, deflate, br" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    const bytes = Buffer.from(await br.arrayBuffer());
    expect(bytes.length).toBeLessThan(JSON.stringify(page).length / 2);
    expect(JSON.parse(brotliDecompressSync(bytes).toString())).toEqual(page);
    const stream = await server.app.request("/sync/v1/products/stream", {
      headers: { ...headers, "accept-encoding": "gzip, br" },
      signal: AbortSignal.timeout(5_000),
    });
    expect(stream.headers.get("content-encoding")).toBeNull();
    const events = sseReader(stream);
    expect(await events.next()).toBe("RESYNC");
    await events.cancel();
  });

  it("answers bad pulls with 4xx JSON errors", async () => {
    const cases: [string, string, Record<string, string>, number, string][] = [
      ["bad checkpoint", "/sync/v1/products/pull?seq=abc", {}, 400, "bad_request"],
      ["limit too large", "/sync/v1/products/pull?limit=100000", {}, 400, "bad_request"],
      ["unknown collection", "/sync/v1/widgets/pull", {}, 404, "not_found"],
      ["wrong protocol version", "/sync/v1/products/pull", { "x-countertop-protocol": "99" }, 426, "unsupported_protocol_version"],
    ];
    for (const [name, url, headers, status, code] of cases) {
      const res = await server.call("GET", url, { token: till.token, headers });
      expect({ name, status: res.status, code: res.body.error.code }).toEqual({ name, status, code });
    }
    expect((await server.call("GET", "/sync/v1/products/pull")).status).toBe(401);
  });

  it("shows a shopper public fields only, no orders when signed out, and no tills' data", async () => {
    const shopper = (await server.call("POST", "/api/v1/shop/demo/session")).body.token;
    const seen = (await pullAll(server, shopper, "products", 1000)).docs;
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.flatMap((p) => (p.variants as WireDoc[] | undefined) ?? []).some((v) => "cost" in v)).toBe(false);
    expect((await server.call("GET", "/sync/v1/orders/pull", { token: shopper })).body.documents).toEqual([]);
    // A shopper's pull from the start is not counted: only a till's first sync shows the count.
    const firstPage = async (collection: string) => {
      const answer = await server.app.request(`/sync/v1/${collection}/pull?limit=1`, {
        headers: { authorization: `Bearer ${shopper}`, [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION) },
      });
      return readPullPageHeaders((name) => answer.headers.get(name));
    };
    const products = await firstPage("products");
    expect(products).toMatchObject({ documents: 1 });
    expect(products?.total).toBeUndefined();
    expect((await firstPage("orders"))?.total).toBeUndefined();
    for (const collection of ["sales", "staff", "shifts", "reconciliation", "stock_movements"]) {
      expect((await server.call("GET", `/sync/v1/${collection}/pull`, { token: shopper })).status).toBe(403);
    }
    const settings = (await server.call("GET", "/sync/v1/settings/pull", { token: shopper })).body.documents[0];
    expect(settings.shopName).toBe("Corner Pantry");
    expect(settings.registers).toBeUndefined();
  });

  it("isolates tenants: another shop's tokens pull nothing of the demo shop", async () => {
    const owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    await server.call("POST", "/api/v1/admin/tenants", {
      token: owner,
      body: { slug: "shop-b", name: "Shop B", currency: "EUR", managerEmail: "b@shop-b.test", managerPassword: "long-password-b" },
    });
    const managerB = await server.login("b@shop-b.test", "long-password-b");
    const tillB = await server.registerTill(managerB);
    const shopperB = (await server.call("POST", "/api/v1/shop/shop-b/session")).body.token;
    const demoProductIds = (await pullAll(server, till.token, "products", 1000)).docs.map((d) => String(d.id));
    for (const token of [tillB.token, managerB, shopperB]) {
      for (const collection of ["products", "stock_levels", "staff", "settings"]) {
        const res = await server.call("GET", `/sync/v1/${collection}/pull?limit=1000`, { token });
        if (res.status === 403) continue;
        const text = JSON.stringify(res.body.documents);
        expect(demoProductIds.some((id) => text.includes(id)) || text.includes(till.id) || text.includes("Corner Pantry")).toBe(false);
      }
    }
  });

  it("streams RESYNC first, then each commit's documents (through LISTEN/NOTIFY)", async () => {
    const controller = new AbortController();
    const res = await server.app.request("/sync/v1/settings/stream", {
      headers: { authorization: `Bearer ${till.token}` },
      signal: controller.signal,
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = sseReader(res);
    expect(await events.next()).toBe("RESYNC");
    await server.registerTill(manager, "Streamed till");
    const event = (await events.next()) as { documents: WireDoc[]; checkpoint: { seq: string } };
    expect((event.documents[0]?.registers as { name: string }[]).map((r) => r.name)).toContain("Streamed till");
    expect(event.checkpoint.seq).toMatch(/^\d+$/);
    controller.abort();
    await events.cancel();
  });

  it("sends a till and a manager the sales and stock movements of the window only (90 days), live too; the server keeps the older ones", async () => {
    const seller = await server.registerTill(manager, "Window till");
    const variants = variantsOf((await pullAll(server, seller.token, "products", 1000)).docs, { standard: 1900, reduced: 700 });
    const start = salesWindowStart(new Date());
    const at = (ms: number) => new Date(start.getTime() + ms);
    const sale = (createdAt: Date, number: string) =>
      makeSale({ registerId: seller.id, locationId: seller.locationId, lines: [{ variant: variants[0]!, qty: 1 }], createdAt, number });
    const sold = [sale(at(-200 * 86_400_000), "W-1"), sale(at(-1), "W-2"), sale(at(0), "W-3"), sale(new Date(), "W-4")];
    const stream = await server.app.request("/sync/v1/sales/stream", {
      headers: { authorization: `Bearer ${seller.token}` },
      signal: AbortSignal.timeout(10_000),
    });
    const events = sseReader(stream);
    expect(await events.next()).toBe("RESYNC");
    const pushed = await server.call("POST", "/sync/v1/sales/push", {
      token: seller.token,
      body: sold.map((s) => ({ newDocumentState: s })),
    });
    expect(pushed.body).toEqual([]);
    const live = (await events.next()) as { documents: WireDoc[] };
    expect(live.documents.map((d) => d.number)).toEqual(["W-3", "W-4"]);
    await events.cancel();
    for (const token of [seller.token, manager]) {
      const { docs } = await pullAll(server, token, "sales", 2);
      expect(docs.filter((d) => d.number.startsWith("W-")).map((d) => d.number)).toEqual(["W-3", "W-4"]);
      expect(docs.every((d) => d.createdAt >= start.toISOString())).toBe(true);
      if (token !== seller.token) continue;
      // A till's first sync counts the window's sales only.
      const first = await server.app.request("/sync/v1/sales/pull?limit=1", {
        headers: { authorization: `Bearer ${token}`, [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION) },
      });
      expect(readPullPageHeaders((name) => first.headers.get(name))?.total).toBe(docs.length);
    }
    // Their stock movements (made at the sale's time) likewise: a till's replica keeps the window's only.
    const ids = new Map(sold.map((s) => [s.id, s.number]));
    for (const token of [seller.token, manager]) {
      const { docs } = await pullAll(server, token, "stock_movements", 2);
      expect(docs.filter((m) => ids.has(m.refId as string)).map((m) => ids.get(m.refId as string))).toEqual(["W-3", "W-4"]);
    }
    const tenantId = (await server.call("POST", "/api/v1/shop/demo/session")).body.tenantId as string;
    const kept = await withTenant(server.database.db, tenantId, (trx) =>
      trx
        .selectFrom("stock_movements")
        .select("ref_id")
        .where(
          "ref_id",
          "in",
          sold.map((s) => s.id),
        )
        .execute(),
    );
    expect(kept).toHaveLength(4);
    // Older sales stay on the server, which answers about them on request.
    const old = await server.call("GET", "/api/v1/sales/by-number/W-1", { token: seller.token });
    expect(old.status).toBe(200);
    expect(JSON.stringify(old.body)).toContain(`"id":"${sold[0]!.id}"`);
  });
});
