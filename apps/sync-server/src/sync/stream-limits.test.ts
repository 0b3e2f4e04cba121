import { describe, expect, it } from "vitest";
import { StreamLimiter } from "./stream-limits";

describe("StreamLimiter", () => {
  it("refuses a caller's stream past its cap with 429, and lets one more in once one closes", () => {
    const limiter = new StreamLimiter({ perCaller: 2, perShop: 10 });
    const first = limiter.acquire("till-1", "shop");
    limiter.acquire("till-1", "shop");
    expect(() => limiter.acquire("till-1", "shop")).toThrow(expect.objectContaining({ status: 429, code: "rate_limited" }));
    expect(() => limiter.acquire("till-2", "shop")).not.toThrow();
    first();
    first();
    expect(() => limiter.acquire("till-1", "shop")).not.toThrow();
    expect(limiter.open).toBe(3);
  });

  it("caps a whole shop across its callers", () => {
    const limiter = new StreamLimiter({ perCaller: 5, perShop: 3 });
    for (const caller of ["a", "b", "c"]) limiter.acquire(caller, "shop");
    expect(() => limiter.acquire("d", "shop")).toThrow(expect.objectContaining({ status: 429 }));
    expect(() => limiter.acquire("d", "other shop")).not.toThrow();
  });
});
