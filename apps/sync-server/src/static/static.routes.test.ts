import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../http/app-env";
import { mountStaticApps } from "./static.routes";

const script = `console.log(${JSON.stringify("a tiny app ".repeat(300))});`;

/** A build as `pnpm build` leaves it: a hashed script with its .br and .gz twins, and a picture without. */
function builtApps(): string {
  const root = mkdtempSync(path.join(tmpdir(), "ct-precompressed-"));
  for (const app of ["pos", "storefront", "admin"]) {
    const dist = path.join(root, app, "dist");
    mkdirSync(path.join(dist, "_app"), { recursive: true });
    writeFileSync(path.join(dist, "index.html"), `<!doctype html><title>${app}</title>`);
    const file = path.join(dist, "_app", "index-abcdef12.js");
    writeFileSync(file, script);
    writeFileSync(`${file}.br`, brotliCompressSync(script));
    writeFileSync(`${file}.gz`, gzipSync(script));
    writeFileSync(path.join(dist, "_app", "logo-abcdef12.png"), Buffer.alloc(2048, 1));
  }
  return root;
}

const app = new Hono<AppEnv>();
mountStaticApps(app, builtApps());

describe("built assets", () => {
  it.each([
    ["/pos/_app/index-abcdef12.js", "gzip, deflate, br", "br", brotliDecompressSync],
    ["/admin/_app/index-abcdef12.js", "gzip, deflate", "gzip", gunzipSync],
    ["/shop/_app/index-abcdef12.js", "br", "br", brotliDecompressSync],
  ])("%s with Accept-Encoding %s is the build's %s file", async (url, accept, encoding, decode) => {
    const res = await app.request(url, { headers: { "Accept-Encoding": accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe(encoding);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(res.headers.get("cache-control")).toContain("immutable");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(bytes.length);
    expect(bytes.length).toBeLessThan(script.length / 5);
    expect(decode(bytes).toString()).toBe(script);
  });

  it("is the plain file, still varying on Accept-Encoding, for a client that takes no compression", async () => {
    const res = await app.request("/pos/_app/index-abcdef12.js");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(await res.text()).toBe(script);
  });

  it("serves a picture as it is, not varying", async () => {
    const res = await app.request("/pos/_app/logo-abcdef12.png", { headers: { "Accept-Encoding": "br, gzip" } });
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("vary")).toBeNull();
    expect((await res.arrayBuffer()).byteLength).toBe(2048);
  });
});
