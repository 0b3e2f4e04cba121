import { describe, expect, it } from "vitest";
import { demoImageFile, demoProducts } from "./demo-catalog";
import { demoMediaRoutes } from "./demo-media.routes";

describe("demo product pictures", () => {
  const app = demoMediaRoutes();

  it("draws one picture per demo product, with distinct file names", async () => {
    const files = demoProducts.map((p) => demoImageFile(p.name));
    expect(new Set(files).size).toBe(files.length);
    const res = await app.request(`/${demoImageFile("Club-Mate")}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("image/svg+xml");
    const svg = await res.text();
    expect(svg).toContain('aria-label="Club-Mate"');
    expect(svg).toContain(">CM</text>");
  });

  it("escapes names and answers 404 for anything else", async () => {
    expect(demoImageFile("Tea & <Biscuits>")).toBe("tea-biscuits.svg");
    expect((await app.request("/no-such-thing.svg")).status).toBe(404);
    expect((await app.request("/..%2F..%2Fetc%2Fpasswd")).status).toBe(404);
  });
});
