import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { shortNameOf } from "./manifest";

describe.each(ENGINES)("each shop's own manifest on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("names the shop and scopes it to its own path, so it installs as its own app", async () => {
    const res = await server.app.request("/shop/demo/manifest.webmanifest");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/manifest+json");
    expect(await res.json()).toMatchObject({
      name: "Corner Pantry",
      start_url: "/shop/demo/",
      scope: "/shop/demo/",
      display: "standalone",
      theme_color: "#1f6f5c",
      // The shop's own short name, never a cut one; icons under the shop's own path, where they are files.
      short_name: "Pantry",
      icons: [
        { src: "/shop/demo/icons/icon-192.png", sizes: "192x192", type: "image/png" },
        { src: "/shop/demo/icons/icon-512.png", sizes: "512x512", type: "image/png" },
        { src: "/shop/demo/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      ],
    });
  });

  it("shortens a long name at a word, never mid-word", () => {
    expect(shortNameOf("Corner Pantry")).toBe("Corner");
    expect(shortNameOf("The Good Bakery of Leipzig")).toBe("The Good");
    expect(shortNameOf("Supercalifragilistic")).toBe("Supercalifra");
    expect(shortNameOf("Bakery")).toBe("Bakery");
  });

  it("has no manifest for a shop that doesn't exist or is suspended", async () => {
    expect((await server.app.request("/shop/nobody/manifest.webmanifest")).status).toBe(404);
    const owner = await server.login(DEMO.owner.email, DEMO.owner.password);
    const created = (
      await server.call("POST", "/api/v1/admin/tenants", {
        token: owner,
        body: { slug: "paused", name: "Paused", currency: "EUR", managerEmail: "m@paused.test", managerPassword: "long-password-p" },
      })
    ).body;
    expect((await server.app.request("/shop/paused/manifest.webmanifest")).status).toBe(200);
    await server.call("POST", `/api/v1/admin/tenants/${created.id}/suspend`, { token: owner });
    expect((await server.app.request("/shop/paused/manifest.webmanifest")).status).toBe(404);
  });
});
