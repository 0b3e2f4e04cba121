import { afterEach, describe, expect, it, vi } from "vitest";
import { backgroundTurn, holdBackground, inForeground, noteActivity, QUIET_MS, STARVE_MS, watchActivity } from "./background";

describe("the till's background work", () => {
  it("waits while a sale is written, and goes on once it is", async () => {
    const order: string[] = [];
    let finish!: () => void;
    const sale = inForeground(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    ).then(() => order.push("sale written"));
    const slice = backgroundTurn().then(() => order.push("slice"));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    finish();
    await Promise.all([sale, slice]);
    expect(order).toEqual(["sale written", "slice"]);
  });

  it("lets a slice run when nothing is in the foreground, and a failed sale doesn't hold it up", async () => {
    await expect(inForeground(() => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
    await expect(backgroundTurn()).resolves.toBeUndefined();
  });

  describe("a hold (the payment panel open)", () => {
    afterEach(() => vi.useRealTimers());

    it("keeps slices waiting until it is released, and a second release changes nothing", async () => {
      const release = holdBackground();
      let ran = 0;
      const slice = backgroundTurn({ soon: true }).then(() => ran++);
      await new Promise((r) => setTimeout(r, 20));
      expect(ran).toBe(0);
      release();
      await slice;
      expect(ran).toBe(1);
      release();
      // Released once only: a sale written now still holds the next slice back until it is written.
      let finish!: () => void;
      const sale = inForeground(() => new Promise<void>((resolve) => (finish = resolve)));
      const next = backgroundTurn({ soon: true }).then(() => ran++);
      await new Promise((r) => setTimeout(r, 20));
      expect(ran).toBe(1);
      finish();
      await Promise.all([sale, next]);
      expect(ran).toBe(2);
    });

    it("lets go by itself after STARVE_MS, so a panel left open doesn't stop the till catching up", async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
      holdBackground();
      let ran = false;
      const slice = backgroundTurn({ soon: true }).then(() => (ran = true));
      await vi.advanceTimersByTimeAsync(STARVE_MS - 10);
      expect(ran).toBe(false);
      await vi.advanceTimersByTimeAsync(20);
      await slice;
      expect(ran).toBe(true);
    });
  });

  describe("work that waits for a pause between customers", () => {
    afterEach(() => vi.useRealTimers());

    it("waits until the cashier has been quiet for QUIET_MS, and runs at once on a quiet till", async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
      noteActivity();
      vi.advanceTimersByTime(QUIET_MS);
      const quiet = backgroundTurn({ betweenCustomers: true }); // a quiet till: at once
      await vi.advanceTimersByTimeAsync(1);
      await quiet;
      let ran = false;
      noteActivity();
      const slice = backgroundTurn({ betweenCustomers: true }).then(() => (ran = true));
      await vi.advanceTimersByTimeAsync(QUIET_MS / 2);
      expect(ran).toBe(false);
      noteActivity(); // another key: the pause starts again
      await vi.advanceTimersByTimeAsync(QUIET_MS - 10);
      expect(ran).toBe(false);
      await vi.advanceTimersByTimeAsync(20);
      await slice;
      expect(ran).toBe(true);
    });

    it("counts typing as activity even without key events (a tablet's on-screen keyboard), until the watch stops", async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
      const screen = new EventTarget();
      const stop = watchActivity(screen);
      noteActivity();
      vi.advanceTimersByTime(QUIET_MS); // a quiet till
      let ran = false;
      screen.dispatchEvent(new Event("input"));
      const slice = backgroundTurn({ betweenCustomers: true }).then(() => (ran = true));
      await vi.advanceTimersByTimeAsync(QUIET_MS / 2);
      screen.dispatchEvent(new Event("input")); // the next character: the pause starts again
      await vi.advanceTimersByTimeAsync(QUIET_MS - 10);
      expect(ran).toBe(false);
      await vi.advanceTimersByTimeAsync(20);
      await slice;
      expect(ran).toBe(true);
      stop();
      screen.dispatchEvent(new Event("input")); // no longer watched: a slice runs at once
      const after = backgroundTurn({ betweenCustomers: true });
      await vi.advanceTimersByTimeAsync(1);
      await after;
    });

    it("still takes a slice every STARVE_MS on a till that is never quiet", async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "setInterval", "performance"] });
      noteActivity();
      const busy = setInterval(noteActivity, QUIET_MS / 4);
      let ran = false;
      const slice = backgroundTurn({ betweenCustomers: true }).then(() => (ran = true));
      await vi.advanceTimersByTimeAsync(STARVE_MS - QUIET_MS);
      expect(ran).toBe(false);
      await vi.advanceTimersByTimeAsync(QUIET_MS + 10);
      await slice;
      expect(ran).toBe(true);
      clearInterval(busy);
    });
  });

  describe("the till's start", () => {
    afterEach(() => vi.useRealTimers());
    // Each test has a page of its own: the module's start, as it begins to load.
    const freshPage = async () => {
      vi.resetModules();
      return import("./background");
    };

    it("holds what waits for it until the sell screen is up", async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
      const { afterStartup, startupOver } = await freshPage();
      let started = false;
      const waiting = afterStartup().then(() => (started = true));
      await vi.advanceTimersByTimeAsync(100);
      expect(started).toBe(false);
      startupOver();
      await waiting;
      expect(started).toBe(true);
      // Over once: what asks later goes at once.
      await expect(afterStartup()).resolves.toBeUndefined();
    });

    it("lets it go STARTUP_MS after the page began to load when no sell screen comes (a lock screen nobody signs in at)", async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
      const { afterStartup, STARTUP_MS } = await freshPage();
      await vi.advanceTimersByTimeAsync(500);
      let started = false;
      void afterStartup().then(() => (started = true));
      await vi.advanceTimersByTimeAsync(STARTUP_MS - 500 - 10);
      expect(started).toBe(false);
      await vi.advanceTimersByTimeAsync(20);
      expect(started).toBe(true);
    });
  });
});
