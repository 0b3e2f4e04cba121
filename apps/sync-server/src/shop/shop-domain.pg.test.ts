import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { hostName } from "./shop-domain";

describe.each(ENGINES)("shops on their own domains on %s", (engine) => {
  let server: TestServer;
  let owner: string;
  let demoId: string;
  const setDomain = (id: string, domain: unknown, token = owner) =>
    server.call("PUT", `/api/v1/admin/tenants/${id}/domain`, { token, body: { domain } });

  beforeAll(async () => {
    server = await startTestServer(engine);
    owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    demoId = (await server.call("GET", "/api/v1/admin/tenants", { token: owner })).body.tenants.find(
      (t: { slug: string }) => t.slug === "demo",
    ).id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("lets only the platform owner set a valid, unused host name", async () => {
    expect((await setDomain(demoId, "Shop.Corner-Pantry.test")).body).toMatchObject({ slug: "demo", domain: "shop.corner-pantry.test" });
    for (const bad of ["https://x.example.com", "no-dot", "a..b.com", "x.example.com/path", 42]) {
      const res = await setDomain(demoId, bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("bad_request");
    }
    expect((await setDomain("00000000-0000-4000-8000-000000000000", "other.example.com")).status).toBe(404);
    const created = await server.call("POST", "/api/v1/admin/tenants", {
      token: owner,
      body: { slug: "bakery-d", name: "Bakery D", currency: "EUR", managerEmail: "boss@bakery-d.test", managerPassword: "long-password-1" },
    });
    expect((await setDomain(created.body.id, "shop.corner-pantry.test")).status).toBe(409);
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    expect((await setDomain(demoId, "mine.example.com", manager)).status).toBe(403);
    expect(
      (await server.call("GET", "/api/v1/admin/tenants", { token: owner })).body.tenants.find((t: { slug: string }) => t.slug === "demo")
        .domain,
    ).toBe("shop.corner-pantry.test");
  });

  it("answers on the shop's domain with its manifest at the root, and keeps the APIs where they are", async () => {
    const manifest = await server.call("GET", "/manifest.webmanifest", { headers: { host: "shop.corner-pantry.test:443" } });
    expect(manifest.body).toMatchObject({ name: "Corner Pantry", start_url: "/", scope: "/", id: "/" });
    expect((await server.call("GET", "/manifest.webmanifest", { headers: { host: "elsewhere.example.com" } })).status).toBe(404);
    const session = await server.call("POST", "/api/v1/shop/demo/session", { headers: { host: "shop.corner-pantry.test" } });
    expect(session.status).toBe(201);
    expect((await server.call("GET", "/health", { headers: { host: "shop.corner-pantry.test" } })).status).toBe(200);
  });

  it("normalises host headers", () => {
    expect(hostName("Shop.Example.COM:8443")).toBe("shop.example.com");
    expect(hostName("shop.example.com.")).toBe("shop.example.com");
    expect(hostName(undefined)).toBe("");
  });
});
