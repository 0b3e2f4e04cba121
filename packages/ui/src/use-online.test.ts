import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Connection } from "./use-online.ts";

/** A browser whose `onLine` and server the test sets, and the times the server was asked. */
function browser(onLine: boolean, answers: boolean) {
  const state = { onLine, answers, asked: 0 };
  const events = new EventTarget();
  const connection = new Connection(
    {
      onLine: () => state.onLine,
      ask: async () => {
        state.asked++;
        if (!state.answers) throw new TypeError("Failed to fetch");
      },
      events,
    },
    1_000,
  );
  const go = (online: boolean) => {
    state.onLine = online;
    events.dispatchEvent(new Event(online ? "online" : "offline"));
  };
  return { state, connection, go };
}

describe("whether the apps are online", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("is online when the browser says so and the server answers", async () => {
    const { state, connection } = browser(true, true);
    connection.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.asked).toBe(1);
    expect(connection.online()).toBe(true);
  });

  it("is offline while the browser says online but the server does not answer, and online again once it does", async () => {
    const { state, connection } = browser(true, false);
    const changes = vi.fn();
    connection.subscribe(changes);
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.online()).toBe(false);
    expect(changes).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state.asked).toBe(2);
    expect(connection.online()).toBe(false);
    state.answers = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state.asked).toBe(3);
    expect(connection.online()).toBe(true);
    // Answered: nobody asks again on a timer.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.asked).toBe(3);
  });

  it("asks nothing while the browser says offline, and asks as soon as it comes back", async () => {
    const { state, connection, go } = browser(false, true);
    const changes = vi.fn();
    connection.subscribe(changes);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(state.asked).toBe(0);
    expect(connection.online()).toBe(false);
    go(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.asked).toBe(1);
    expect(connection.online()).toBe(true);
    expect(changes).toHaveBeenCalled();
  });

  it("stops asking when the browser goes offline, and is offline at once", async () => {
    const { state, connection, go } = browser(true, false);
    connection.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    go(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(state.asked).toBe(1);
    expect(connection.online()).toBe(false);
  });

  it("finds a line that dropped after the server answered when a request goes unanswered, and keeps asking until it answers", async () => {
    const { state, connection } = browser(true, true);
    const changes = vi.fn();
    connection.subscribe(changes);
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.online()).toBe(true);
    // The line drops; the browser still says online and fires nothing.
    state.answers = false;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(connection.online()).toBe(true);
    // A sync request of the app's gets no answer: it rechecks.
    void connection.check();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.asked).toBe(2);
    expect(connection.online()).toBe(false);
    expect(changes).toHaveBeenCalledTimes(1);
    // Many failed requests while one question is out ask nothing more.
    void connection.check();
    void connection.check();
    await vi.advanceTimersByTimeAsync(999);
    expect(state.asked).toBe(3);
    state.answers = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(connection.online()).toBe(true);
    expect(changes).toHaveBeenCalledTimes(2);
  });
});
