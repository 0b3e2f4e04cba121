import { describe, expect, it } from "vitest";
import { backoffMs } from "./outbox-worker";

describe("backoffMs", () => {
  it("doubles per attempt within [half, whole] of its ceiling, and stops growing at 5 minutes", () => {
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(1, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffMs(4, () => 0)).toBe(4000);
    expect(backoffMs(30, () => 0.999)).toBeLessThanOrEqual(300_000);
    expect(backoffMs(30, () => 0)).toBe(150_000);
  });
});
