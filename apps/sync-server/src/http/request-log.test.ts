import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "./app-env";
import { createLogger } from "./logger";
import { requestLog } from "./request-log";
import { RouteMetrics } from "./route-metrics";

function app(level: "info" | "error") {
  const lines: { level: string; line: Record<string, unknown> }[] = [];
  const sink = {
    error: (m: string) => lines.push({ level: "error", line: JSON.parse(m) }),
    info: (m: string) => lines.push({ level: "info", line: JSON.parse(m) }),
    debug: () => undefined,
  };
  let t = 0;
  const hono = new Hono<AppEnv>();
  hono.use(requestId());
  hono.use(requestLog(createLogger(level, sink), () => (t += 12.5)));
  hono.get("/things/:id", (c) => c.json({ ok: true }));
  hono.get("/boom", (c) => c.json({}, 500));
  return { hono, lines };
}

describe("requestLog", () => {
  it("writes one JSON line per request with the route pattern, status and duration", async () => {
    const { hono, lines } = app("info");
    await hono.request("/things/42");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", line: { method: "GET", route: "/things/:id", status: 200, durationMs: 12.5 } });
    expect(typeof lines[0]?.line.requestId).toBe("string");
  });

  it("at error level writes only the failures", async () => {
    const { hono, lines } = app("error");
    await hono.request("/things/1");
    await hono.request("/boom");
    expect(lines.map((l) => [l.level, l.line.status])).toEqual([["error", 500]]);
  });

  it("names the handler's route even when a middleware mounted later matched too, and counts it in the metrics", async () => {
    const metrics = new RouteMetrics();
    const lines: string[] = [];
    const hono = new Hono<AppEnv>();
    hono.use(requestId());
    hono.use(
      requestLog(
        createLogger("info", { error: () => undefined, info: (m: string) => lines.push(m), debug: () => undefined }),
        undefined,
        metrics,
      ),
    );
    hono.get("/admin/tenants/:id", (c) => c.json({}));
    hono.use("/admin/*", async (_c, next) => next());
    await hono.request("/admin/tenants/1");
    expect(JSON.parse(lines[0]!)).toMatchObject({ route: "/admin/tenants/:id" });
    expect(metrics.snapshot()).toMatchObject([{ route: "GET /admin/tenants/:id", requests: 1, errors: 0 }]);
  });
});
