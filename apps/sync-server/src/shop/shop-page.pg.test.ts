import type { Product } from "@countertop/sync-protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pullAll } from "../testing/sync-client";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { builtStorefront, SHELL, snapshotOf } from "../testing/storefront-shell";

const HOSTILE = `</script><script>alert("x")</script><!-- $' $& "quoted" & 'single'`;

const meta = (html: string, property: string) => new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`).exec(html)?.[1];

describe.each(ENGINES)("a shop's served pages on %s", (engine) => {
  let server: TestServer;
  let owner: string;
  let products: Product[];
  const page = async (url: string, headers: Record<string, string> = {}) => {
    const res = await server.app.request(url, { headers });
    return { status: res.status, type: res.headers.get("content-type") ?? "", html: await res.text() };
  };

  beforeAll(async () => {
    server = await startTestServer(engine, { staticRoot: builtStorefront() });
    owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    const shopper = (await server.call("POST", "/api/v1/shop/demo/session")).body.token as string;
    products = ((await pullAll(server, shopper, "products", 1000)).docs as Product[]).filter((p) => !p._deleted);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("serves the product list with its title, description, canonical URL, Open Graph tags, products and the catalog snapshot", async () => {
    const { status, html } = await page("/shop/demo/");
    expect(status).toBe(200);
    expect(html).toMatch(/<title>Corner Pantry[^<]*<\/title>/);
    expect(html).not.toContain("<title>Countertop Shop</title>");
    expect(html).toContain('<link rel="canonical" href="http://localhost/shop/demo/">');
    expect(meta(html, "og:title")).toMatch(/^Corner Pantry/);
    expect(meta(html, "og:url")).toBe("http://localhost/shop/demo/");
    expect(meta(html, "og:type")).toBe("website");
    expect(meta(html, "description")).not.toBe("Countertop Shop");
    // Each product the shopper's pull gives is on the page, by name and link, before any script runs.
    const root = html.slice(html.indexOf('<div id="root">'), html.indexOf("</main>"));
    for (const p of products.slice(0, 5)) expect(root).toContain(`href="/shop/demo/p/${p.id}"`);
    const snapshot = snapshotOf(html)!;
    expect(snapshot.settings.shopName).toBe("Corner Pantry");
    expect(snapshot.products.map((p) => p.id).sort()).toEqual(products.map((p) => p.id).sort());
    expect(snapshot.complete).toBe(true);
    // Only the public view: no cost prices, no private settings.
    expect(snapshot.products.flatMap((p) => p.variants).some((v) => "cost" in v)).toBe(false);
    expect(snapshot.settings).not.toHaveProperty("registers");
    expect(snapshot.stockLevels.length).toBeGreaterThan(0);
    // The shop's colours from the first paint, as the app sets them.
    expect(html).toMatch(/<html lang="en" style="--brand:#1f6f5c;--brand-text:#ffffff[^"]*">/);
    // The shop's own manifest is still linked.
    expect(html).toContain('href="/shop/demo/manifest.webmanifest"');
  });

  it("serves a product page about that product, and a 404 page (no index, still the snapshot) for one it does not sell", async () => {
    const product = products.find((p) => p.images.length > 0) ?? products[0]!;
    const { status, html } = await page(`/shop/demo/p/${product.id}`);
    expect(status).toBe(200);
    expect(html).toContain(`<title>${product.name} · Corner Pantry</title>`);
    expect(html).toContain(`<link rel="canonical" href="http://localhost/shop/demo/p/${product.id}">`);
    expect(meta(html, "og:type")).toBe("product");
    if (product.images[0]) expect(meta(html, "og:image")).toBe(new URL(product.images[0], "http://localhost/shop/demo/").href);
    expect(html).toContain(`<h1>${product.name}</h1>`);
    const missing = await page("/shop/demo/p/no-such-product");
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('<meta name="robots" content="noindex">');
    expect(snapshotOf(missing.html)?.products.length).toBe(products.length);
  });

  it("keeps a shopper's own pages out of search engines, with the snapshot for the app", async () => {
    for (const url of ["/shop/demo/cart", "/shop/demo/checkout", "/shop/demo/account", "/shop/demo/?q=milk"]) {
      const { status, html } = await page(url);
      expect(status).toBe(200);
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).not.toContain('rel="canonical"');
      expect(snapshotOf(html)).toBeDefined();
    }
  });

  it("writes a shop's own text so it can never close the snapshot's script or open an element", async () => {
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    const seen = ((await pullAll(server, manager, "products", 1000)).docs as Product[]).find((p) => p.id === products[0]!.id)!;
    const renamed = { ...seen, name: HOSTILE, description: `${HOSTILE}\u2028next line` };
    const pushed = await server.call("POST", "/sync/v1/products/push", {
      token: manager,
      body: [{ assumedMasterState: seen, newDocumentState: renamed }],
    });
    expect(pushed).toMatchObject({ status: 200, body: [] });
    for (const url of ["/shop/demo/", `/shop/demo/p/${seen.id}`]) {
      const { html } = await page(url);
      // The shell's own module script and the snapshot: no other script element, nothing of the name as markup.
      expect(html.match(/<script\b/g)).toHaveLength(2);
      expect(html).not.toContain("<!--");
      expect(html).not.toContain('<script>alert("x")');
      expect(html).toContain(
        "&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;!-- $&#39; $&amp; &quot;quoted&quot; &amp; &#39;single&#39;",
      );
      const snapshot = snapshotOf(html)!;
      const back = snapshot.products.find((p) => p.id === seen.id)!;
      expect(back.name).toBe(HOSTILE);
      expect(back.description).toBe(`${HOSTILE}\u2028next line`);
    }
    const product = await page(`/shop/demo/p/${seen.id}`);
    expect(product.html).toContain(`<title>&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)`);
    expect(meta(product.html, "og:title")).toMatch(/^&lt;\/script&gt;/);
    await server.call("POST", "/sync/v1/products/push", {
      token: manager,
      body: [{ assumedMasterState: renamed, newDocumentState: seen }],
    });
  });

  it("lists the shop's pages in its sitemap.xml and names it in its robots.txt", async () => {
    const sitemap = await page("/shop/demo/sitemap.xml");
    expect(sitemap.status).toBe(200);
    expect(sitemap.type).toContain("application/xml");
    expect(sitemap.html).toContain("<loc>http://localhost/shop/demo/</loc>");
    for (const p of products) expect(sitemap.html).toContain(`<loc>http://localhost/shop/demo/p/${p.id}</loc>`);
    const robots = await page("/shop/demo/robots.txt");
    expect(robots.type).toContain("text/plain");
    expect(robots.html).toContain("Sitemap: http://localhost/shop/demo/sitemap.xml");
    expect(robots.html).toContain("Disallow: /shop/demo/checkout");
    expect((await page("/shop/nobody/sitemap.xml")).status).toBe(404);
    const platform = await page("/robots.txt");
    expect(platform.html).toContain("Disallow: /admin/");
    expect(platform.html).toContain("Allow: /shop/");
  });

  it("serves the same on the shop's own domain, at its root", async () => {
    const demoId = (await server.call("GET", "/api/v1/admin/tenants", { token: owner })).body.tenants.find(
      (t: { slug: string }) => t.slug === "demo",
    ).id;
    expect(
      (await server.call("PUT", `/api/v1/admin/tenants/${demoId}/domain`, { token: owner, body: { domain: "pantry.example.com" } })).status,
    ).toBe(200);
    const host = { host: "pantry.example.com" };
    const home = await page("/", host);
    expect(home.status).toBe(200);
    expect(home.html).toContain('<link rel="canonical" href="http://pantry.example.com/">');
    expect(home.html).toContain('<meta name="countertop-shop" content="demo">');
    expect(home.html).toContain(`href="/p/${products[0]!.id}"`);
    expect(home.html).not.toContain("/shop/demo/");
    const product = await page(`/p/${products[1]!.id}`, host);
    expect(product.html).toContain(`<link rel="canonical" href="http://pantry.example.com/p/${products[1]!.id}">`);
    const sitemap = await page("/sitemap.xml", host);
    expect(sitemap.html).toContain(`<loc>http://pantry.example.com/p/${products[0]!.id}</loc>`);
    const robots = await page("/robots.txt", host);
    expect(robots.html).toContain("Sitemap: http://pantry.example.com/sitemap.xml");
    expect(robots.html).toContain("Disallow: /cart");
    await server.call("DELETE", `/api/v1/admin/tenants/${demoId}/domain`, { token: owner });
  });

  it("serves a suspended shop, and one whose online shop is switched off, the bare shell as before", async () => {
    const created = (
      await server.call("POST", "/api/v1/admin/tenants", {
        token: owner,
        body: {
          slug: "paused-page",
          name: "Paused",
          currency: "EUR",
          managerEmail: "m@paused-page.test",
          managerPassword: "long-password-p",
        },
      })
    ).body;
    expect(snapshotOf((await page("/shop/paused-page/")).html)?.settings.shopName).toBe("Paused");
    await server.call("PUT", `/api/v1/admin/tenants/${created.id}/plan`, {
      token: owner,
      body: { planId: "starter", overrides: { modules: { storefront: false } } },
    });
    const off = await page("/shop/paused-page/");
    expect(off.status).toBe(200);
    expect(off.html).toBe(SHELL.replace('href="/shop/manifest.webmanifest"', 'href="/shop/paused-page/manifest.webmanifest"'));
    expect((await page("/shop/paused-page/sitemap.xml")).status).toBe(403);
    await server.call("PUT", `/api/v1/admin/tenants/${created.id}/plan`, { token: owner, body: { planId: "starter", overrides: {} } });
    await server.call("POST", `/api/v1/admin/tenants/${created.id}/suspend`, { token: owner });
    const suspended = await page("/shop/paused-page/");
    expect(suspended.status).toBe(200);
    expect(snapshotOf(suspended.html)).toBeUndefined();
    expect(suspended.html).toContain("<title>Countertop Shop</title>");
    expect((await page("/shop/paused-page/sitemap.xml")).status).toBe(404);
    expect(snapshotOf((await page("/shop/nobody/")).html)).toBeUndefined();
  });
});
