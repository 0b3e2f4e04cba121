import type { Product, ShopSnapshot } from "@countertop/sync-protocol";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pullAll } from "../testing/sync-client";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { builtStorefront, snapshotOf } from "../testing/storefront-shell";

/** More than a served page carries (400): the demo shop's products and these. */
const BULK = 440;

describe.each(ENGINES)("a large shop's served pages and catalog search on %s", (engine) => {
  let server: TestServer;
  let water: Product;
  let apples: Product;
  const page = async (url: string) => {
    const res = await server.app.request(url);
    return { status: res.status, html: await res.text() };
  };

  beforeAll(async () => {
    server = await startTestServer(engine, { staticRoot: builtStorefront() });
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    const products = (await pullAll(server, manager, "products", 1000)).docs as Product[];
    water = products.find((p) => p.name === "Still Water")!;
    const model = products.find((p) => p.name === "Club-Mate")!;
    // In another category than the water's, so its category stays small.
    const elsewhere = products.find((p) => p.categoryId !== water.categoryId)!.categoryId;
    const bulk = Array.from({ length: BULK }, (_, i): Product => {
      const n = String(i + 1).padStart(4, "0");
      return {
        ...model,
        id: uuidv7(),
        name: `Bulk Item ${n}`,
        description: "Plain stock.",
        categoryId: elsewhere,
        variants: model.variants.map((v) => ({ ...v, id: uuidv7(), sku: `BULK-${n}`, barcode: undefined })),
        updatedAt: new Date().toISOString(),
      };
    });
    // A name whose capital the database's lower() leaves alone under a C locale (the throwaway PostgreSQL's).
    apples = {
      ...bulk[0]!,
      id: uuidv7(),
      name: "ÄPFEL vom Alten Land",
      variants: bulk[0]!.variants.map((v) => ({ ...v, id: uuidv7(), sku: "APFEL" })),
    };
    const pushed = await server.call("POST", "/sync/v1/products/push", {
      token: manager,
      body: [...bulk, apples].map((doc) => ({ newDocumentState: doc })),
    });
    expect(pushed).toMatchObject({ status: 200, body: [] });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("serves the home page with the catalog's first products, and does not claim a total it does not know", async () => {
    const { html } = await page("/shop/demo/");
    const snapshot = snapshotOf(html)!;
    expect(snapshot.complete).toBe(false);
    expect(snapshot.products).toHaveLength(400);
    expect(snapshot.asked).toEqual({ all: false });
    expect(snapshot.products.some((p) => p.id === water.id)).toBe(false);
    expect(html).toContain("Showing the first 48");
  });

  it("serves a product page for a product past the first 400, with the product in its snapshot", async () => {
    const { status, html } = await page(`/shop/demo/p/${water.id}`);
    expect(status).toBe(200);
    expect(html).toContain("<title>Still Water · Corner Pantry</title>");
    expect(snapshotOf(html)!.products.some((p) => p.id === water.id)).toBe(true);
  });

  it("serves a search and a category with every product matching them, past the first 400 too", async () => {
    const search = await page("/shop/demo/?q=%20NATURAL%20Mineral");
    const found = snapshotOf(search.html)!;
    expect(found.asked).toEqual({ q: "natural mineral", all: true });
    expect(search.html).toContain(`href="/shop/demo/p/${water.id}"`);
    expect(search.html).not.toContain("Nothing matches");
    const drinks = await page(`/shop/demo/?category=${water.categoryId}`);
    const inCategory = snapshotOf(drinks.html)!;
    expect(inCategory.asked).toEqual({ category: water.categoryId, all: true });
    expect(inCategory.products.some((p) => p.id === water.id)).toBe(true);
    // Every match of a search of more than 400: the first 400 of them, and it says so.
    const many = snapshotOf((await page("/shop/demo/?q=bulk")).html)!;
    expect(many.asked).toEqual({ q: "bulk", all: false });
  });

  it("matches letters beyond ASCII in any case, as the storefront does, whatever the database's locale", async () => {
    const served = await page(`/shop/demo/?q=${encodeURIComponent("Äpfel")}`);
    expect(snapshotOf(served.html)!.asked).toEqual({ q: "äpfel", all: true });
    expect(served.html).toContain(`href="/shop/demo/p/${apples.id}"`);
    const res = await server.call("GET", `/api/v1/shop/demo/catalog?q=${encodeURIComponent("äpfel vom")}`);
    expect((res.body as ShopSnapshot).products.map((p) => p.id)).toEqual([apples.id]);
  });

  it("answers the same search as JSON for a storefront whose replica is still syncing, and turns away bad input", async () => {
    const res = await server.call("GET", "/api/v1/shop/demo/catalog?q=still%20water");
    expect(res.status).toBe(200);
    const answer = res.body as ShopSnapshot;
    expect(answer.asked).toEqual({ q: "still water", all: true });
    expect(answer.products.map((p) => p.name)).toContain("Still Water");
    // Only the matches: the storefront has the catalog's first products already.
    expect(answer.products.every((p) => `${p.name} ${p.description}`.toLowerCase().includes("still water"))).toBe(true);
    expect(answer.complete).toBe(false);
    expect(answer.stockLevels.map((l) => l.variantId).sort()).toEqual(answer.products.flatMap((p) => p.variants.map((v) => v.id)).sort());
    // Public fields only, as a shopper's pull shows them.
    expect(answer.products.every((p) => p.variants.every((v) => v.cost === undefined))).toBe(true);
    const long = await server.call("GET", `/api/v1/shop/demo/catalog?q=${"x".repeat(201)}`);
    expect(long).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
    const nobody = await server.call("GET", "/api/v1/shop/nobody/catalog?q=water");
    expect(nobody).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });
});
