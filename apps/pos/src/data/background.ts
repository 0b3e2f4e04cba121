/*
 * The till's foreground and background. What a cashier waits on — a sale written before its
 * receipt shows — runs in the foreground; what can wait (the rest of the catalog, the report store,
 * the sales window) runs in short slices, each after `backgroundTurn()`: when the page has an idle
 * moment and no foreground write is under way. So a slice never stands between a cashier and the
 * next keystroke, and a sale never queues behind bulk work in IndexedDB.
 */

let running = 0;
const waiting: (() => void)[] = [];

/** How long a slice waits for an idle moment before it runs anyway (a till that is never idle still catches up). */
const IDLE_TIMEOUT_MS = 500;

function whenIdle(then: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => then(), { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(then, 0);
}

/**
 * Runs `work` in the foreground: background slices wait until it is done (a slice already running
 * finishes its own short transaction first).
 */
export async function inForeground<T>(work: () => Promise<T>): Promise<T> {
  running++;
  try {
    return await work();
  } finally {
    running--;
    if (running === 0) for (const next of waiting.splice(0)) next();
  }
}

/**
 * Resolves when a background slice may run: nothing runs in the foreground and the page has had
 * its turn — an idle moment, or with `soon` just the events waiting now (keys, taps), for work a
 * cashier is about to need, like the catalog while they type their PIN.
 */
export function backgroundTurn(options: { readonly soon?: boolean } = {}): Promise<void> {
  const next = options.soon ? (then: () => void) => void setTimeout(then, 0) : whenIdle;
  return new Promise((resolve) => {
    const attempt = () => {
      if (running > 0) waiting.push(attempt);
      else next(() => (running > 0 ? waiting.push(attempt) : resolve()));
    };
    attempt();
  });
}
