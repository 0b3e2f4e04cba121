import { whenIdle } from "../app/when-idle";

/*
 * The till's foreground and background. What a cashier waits on — a sale written before its
 * receipt shows — runs in the foreground; what can wait (the rest of the catalog, the report store,
 * the sales window) runs in short slices, each after `backgroundTurn()`: when the page has an idle
 * moment and no foreground write is under way. So a slice never stands between a cashier and the
 * next keystroke, and a sale never queues behind bulk work in IndexedDB.
 */

let running = 0;
const waiting: (() => void)[] = [];

/**
 * How long the till must have been quiet — no sale written, no key or tap on the sell screen — for
 * work that can wait for a pause between customers (the report store's first count of a long history,
 * the sales window) to take a slice.
 */
export const QUIET_MS = 1_000;
/** Such work waits at most this long for a pause, so a till that is never quiet still catches up. */
export const STARVE_MS = 10_000;
let lastActivity = Number.NEGATIVE_INFINITY;

/** The cashier is at work (a key, a tap, a sale): work that waits for a pause between customers waits on. */
export function noteActivity(): void {
  lastActivity = performance.now();
}

/**
 * Notes the cashier's activity on `target` (the sell screen's document) until the returned function
 * is called: keys, taps, and every `input` — a tablet's on-screen keyboard may send no key events at
 * all (Android's often sends none, or "Unidentified" ones).
 */
export function watchActivity(target: EventTarget): () => void {
  const events = ["keydown", "pointerdown", "input"] as const;
  for (const event of events) target.addEventListener(event, noteActivity, { capture: true, passive: true });
  return () => {
    for (const event of events) target.removeEventListener(event, noteActivity, { capture: true });
  };
}

/**
 * Whether the cashier has been at work since `since` (a `performance.now()` time): work that waits
 * for a pause between customers and has only read so far drops what it read and waits for the next
 * pause, rather than write it while the cashier types (the write is the long part of its slice).
 */
export function cashierActiveSince(since: number): boolean {
  return lastActivity > since;
}

/** How long a slice waits for an idle moment before it runs anyway (a till that is never idle still catches up). */
const IDLE_TIMEOUT_MS = 500;

/**
 * Runs `work` in the foreground: background slices wait until it is done (a slice already running
 * finishes its own short transaction first).
 */
export async function inForeground<T>(work: () => Promise<T>): Promise<T> {
  running++;
  noteActivity();
  try {
    return await work();
  } finally {
    noteActivity();
    leaveForeground();
  }
}

/** One foreground work or hold is over: once none is left, the slices that waited go on. */
function leaveForeground(): void {
  running--;
  if (running === 0) for (const next of waiting.splice(0)) next();
}

/**
 * Holds background slices from now until the returned function is called (at the latest after
 * {@link STARVE_MS}): for the moment before a foreground write, the payment panel open. A slice
 * already under way finishes while the cashier picks the tender, and the sale's write then finds
 * IndexedDB free (a read of the catalog in flight held a first sale's write ~40 ms). Calling the
 * returned function again does nothing.
 */
export function holdBackground(): () => void {
  running++;
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    clearTimeout(timer);
    leaveForeground();
  };
  const timer = setTimeout(release, STARVE_MS);
  return release;
}

/** Milliseconds until a slice that has waited since `since` for a pause between customers may run (0: now). */
function untilPause(since: number): number {
  const now = performance.now();
  return Math.max(0, Math.min(QUIET_MS - (now - lastActivity), since + STARVE_MS - now));
}

/**
 * Resolves when a background slice may run: nothing runs in the foreground and the page has had
 * its turn — an idle moment, or with `soon` just the events waiting now (keys, taps), for work a
 * cashier is about to need, like the catalog while they type their PIN. With `betweenCustomers`,
 * also only once the cashier has been quiet for {@link QUIET_MS} (or it has waited {@link STARVE_MS}):
 * for bulk work nobody at the counter waits for.
 */
export function backgroundTurn(options: { readonly soon?: boolean; readonly betweenCustomers?: boolean } = {}): Promise<void> {
  const next = options.soon ? (then: () => void) => void setTimeout(then, 0) : (then: () => void) => void whenIdle(then, IDLE_TIMEOUT_MS);
  const since = performance.now();
  const pause = () => (options.betweenCustomers ? untilPause(since) : 0);
  return new Promise((resolve) => {
    const attempt = () => {
      if (running > 0) return void waiting.push(attempt);
      const wait = pause();
      if (wait > 0) return void setTimeout(attempt, wait);
      next(() => {
        if (running > 0) waiting.push(attempt);
        else if (pause() > 0) attempt();
        else resolve();
      });
    };
    attempt();
  });
}

/**
 * At the latest this long after the page began to load, work that waits for the till's start
 * ({@link afterStartup}) goes on: a till left at its lock screen, or a manager's computer with no sell
 * screen, still syncs and counts.
 */
export const STARTUP_MS = 2_000;
let startup: { readonly over: Promise<void>; readonly end: () => void } | undefined;

function startupGate(): NonNullable<typeof startup> {
  if (!startup) {
    let end = () => {};
    const over = new Promise<void>((resolve) => (end = resolve));
    setTimeout(end, Math.max(0, STARTUP_MS - performance.now()));
    startup = { over, end };
  }
  return startup;
}

/**
 * Resolves once the till has started: its sell screen is up ({@link startupOver}), or
 * {@link STARTUP_MS} after the page began to load. Work that no one at the counter waits for at a
 * start — starting the replication, the report store's catching up — waits for it, so that a cold
 * start's main thread and IndexedDB go to the lock screen, the PIN and the catalog's first screen.
 */
export function afterStartup(): Promise<void> {
  return startupGate().over;
}

/** The till has started: its sell screen shows. What waits in {@link afterStartup} goes on now. */
export function startupOver(): void {
  startupGate().end();
}
