import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "./app-env";
import { chooseEncoding, compressAnswers, COMPRESS } from "./compress";

const big = { documents: Array.from({ length: 200 }, (_, i) => ({ id: `doc-${i}`, name: `Product ${i}`, price: i * 7 })) };

function app() {
  const hono = new Hono<AppEnv>();
  hono.use(compressAnswers());
  hono.get("/big", (c) => c.json(big));
  hono.get("/small", (c) => c.json({ ok: true }));
  hono.get("/raw", (c) => c.json(big, 200, { "Cache-Control": "no-transform" }));
  hono.get("/events", (c) =>
    streamSSE(c, async (sse) => {
      await sse.writeSSE({ data: "x".repeat(4 * COMPRESS.threshold) });
      await new Promise(() => undefined); // held open, as a live stream is
    }),
  );
  return hono;
}

describe("chooseEncoding", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["gzip, deflate, br", "br"],
    ["gzip, deflate", "gzip"],
    ["br;q=0.5, gzip", "gzip"],
    ["br;q=0, gzip;q=0", undefined],
    ["identity", undefined],
    ["*", "br"],
    ["*;q=0.1, gzip;q=0.2", "gzip"],
  ])("%s → %s", (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe("compressAnswers", () => {
  it("answers a large JSON answer in brotli when asked, the same document once decoded", async () => {
    const res = await app().request("/big", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toContain("Accept-Encoding");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(bytes.length);
    expect(bytes.length).toBeLessThan(JSON.stringify(big).length / 3);
    expect(JSON.parse(brotliDecompressSync(bytes).toString())).toEqual(big);
  });

  it("falls back to gzip, and to the plain answer (still varying) for a client that takes neither", async () => {
    const gz = await app().request("/big", { headers: { "Accept-Encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString())).toEqual(big);
    const plain = await app().request("/big");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toBe("Accept-Encoding");
    expect(await plain.json()).toEqual(big);
  });

  it("sends answers under the threshold, and those marked no-transform, as they are", async () => {
    const small = await app().request("/small", { headers: { "Accept-Encoding": "br" } });
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const raw = await app().request("/raw", { headers: { "Accept-Encoding": "br" } });
    expect(raw.headers.get("content-encoding")).toBeNull();
    expect(await raw.json()).toEqual(big);
  });

  it("never buffers a live event stream: its first event arrives while it stays open", async () => {
    const res = await app().request("/events", { headers: { "Accept-Encoding": "br, gzip" } });
    expect(res.headers.get("content-encoding")).toBeNull();
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("data: xxxx");
    await reader.cancel();
  });
});
