import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConnectionGate, gatedFetch } from "./connection-gate.ts";

/** A stand-in for the browser's window: its online flag and "online" event. */
function browser(onLine = true) {
  const listeners = new Set<() => void>();
  return {
    navigator: { onLine },
    addEventListener: (_type: "online", listener: () => void) => void listeners.add(listener),
    removeEventListener: (_type: "online", listener: () => void) => void listeners.delete(listener),
    goOnline() {
      this.navigator.onLine = true;
      listeners.forEach((l) => l());
    },
  };
}

const unreachable = () => Promise.reject(new TypeError("Failed to fetch"));
const answered = (status: number) => () => Promise.resolve(new Response("{}", { status }));

describe("ConnectionGate", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("doubles the wait after each failure, up to the cap", () => {
    const gate = new ConnectionGate({ base: 1_000, cap: 60_000 }, browser());
    expect([1, 2, 3, 4, 6, 7, 10].map((n) => gate.delayAfter(n))).toEqual([1_000, 2_000, 4_000, 8_000, 32_000, 60_000, 60_000]);
  });

  it("makes a handful of attempts, not hundreds, while the server can't be reached for two minutes", async () => {
    const signal = browser();
    const gate = new ConnectionGate({ base: 1_000, cap: 30_000, random: () => 1 }, signal);
    const start = Date.now();
    const fetch = vi.fn(unreachable);
    const gated = gatedFetch(fetch, gate);
    // Twelve collections retrying every 3 s, as RxDB does: each call waits behind the gate.
    const loops = Array.from({ length: 12 }, async () => {
      for (;;) {
        await gated("/sync/v1/x/pull").catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        if (Date.now() - start >= 120_000) return;
      }
    });
    await vi.advanceTimersByTimeAsync(120_000);
    const attempts = fetch.mock.calls.length;
    // Closing lets the waiting calls through (the replication is being cancelled): not counted.
    gate.close();
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(loops);
    // Without the gate: 12 × 40 = 480.
    console.log(`attempts in 2 minutes unreachable, 12 collections retrying every 3 s: ${attempts} (480 without the gate)`);
    // The first round, then one probe per wait (1, 2, 4, … capped at 30 s).
    expect(attempts).toBeLessThanOrEqual(20);
  });

  it("sends nothing while the browser is offline, and goes at once when it is online again", async () => {
    const signal = browser(false);
    const gate = new ConnectionGate({ base: 1_000, cap: 60_000 }, signal);
    const fetch = vi.fn(answered(200));
    const pending = gatedFetch(fetch, gate)("/sync/v1/sales/pull");
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fetch).not.toHaveBeenCalled();
    signal.goOnline();
    await vi.advanceTimersByTimeAsync(0);
    expect((await pending).status).toBe(200);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("lets one probe through after a wait while the others wait for its outcome", async () => {
    const gate = new ConnectionGate({ base: 1_000, cap: 60_000, random: () => 1 }, browser());
    let reachable = false;
    const fetch = vi.fn(() => (reachable ? answered(200)() : unreachable()));
    const gated = gatedFetch(fetch, gate);
    await gated("/a").catch(() => undefined);
    expect(gate.consecutiveFailures).toBe(1);
    reachable = true;
    const three = [gated("/a"), gated("/b"), gated("/c")];
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(three);
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(gate.consecutiveFailures).toBe(0);
  });

  it("counts a 5xx as a failure and a 4xx as an answer", async () => {
    const gate = new ConnectionGate({}, browser());
    await gatedFetch(answered(503), gate)("/a");
    expect(gate.consecutiveFailures).toBe(1);
    gate.reset();
    await gatedFetch(answered(404), gate)("/a");
    expect(gate.consecutiveFailures).toBe(0);
  });
});
