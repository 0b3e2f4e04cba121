import { describe, expect, it } from "vitest";
import { RouteMetrics } from "./route-metrics";

describe("RouteMetrics", () => {
  it("counts requests and 5xx per route and finds the 95th percentile within a quarter", () => {
    const metrics = new RouteMetrics(60, () => 0);
    for (let i = 1; i <= 100; i++) metrics.record("GET /a", i === 100 ? 500 : 200, i);
    metrics.record("POST /b", 200, 3);
    const [a, b] = metrics.snapshot();
    expect(a).toMatchObject({ route: "GET /a", requests: 100, errors: 1, errorRate: 0.01 });
    expect(a!.p95Ms).toBeGreaterThanOrEqual(95);
    expect(a!.p95Ms).toBeLessThanOrEqual(95 * 1.25);
    expect(b).toMatchObject({ route: "POST /b", requests: 1 });
  });

  it("forgets what is older than its window", () => {
    let now = 0;
    const metrics = new RouteMetrics(60, () => now);
    metrics.record("GET /a", 200, 5);
    now = 30 * 60_000;
    metrics.record("GET /a", 200, 5);
    expect(metrics.snapshot()[0]?.requests).toBe(2);
    now = 61 * 60_000;
    expect(metrics.snapshot()[0]?.requests).toBe(1);
    now = 200 * 60_000;
    expect(metrics.snapshot()).toEqual([]);
  });
});
