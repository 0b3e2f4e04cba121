import { describe, expect, it } from "vitest";
import { SALES_WINDOW_DAYS, salesWindowStart } from "./sales-window.ts";

describe("the sales window", () => {
  it("starts at the beginning of the UTC day 90 days back, the same all day long", () => {
    expect(SALES_WINDOW_DAYS).toBe(90);
    expect(salesWindowStart(new Date("2026-12-01T15:30:00Z")).toISOString()).toBe("2026-09-02T00:00:00.000Z");
    expect(salesWindowStart(new Date("2026-12-01T00:00:00Z")).toISOString()).toBe("2026-09-02T00:00:00.000Z");
    expect(salesWindowStart(new Date("2026-12-01T23:59:59.999Z")).toISOString()).toBe("2026-09-02T00:00:00.000Z");
    expect(salesWindowStart(new Date("2026-12-02T00:00:00Z")).toISOString()).toBe("2026-09-03T00:00:00.000Z");
    expect(salesWindowStart(new Date("2026-12-01T15:30:00Z"), 1).toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });
});
