import type { Fetch } from "./http.ts";

/** How long to wait after failures: doubling from `base` up to `cap`, randomised by up to half. */
export interface BackoffOptions {
  /** Milliseconds after the first failure; default 1 s. */
  readonly base?: number;
  /** The longest wait between two attempts; default 60 s. */
  readonly cap?: number;
  /** Default `Math.random`; tests pass a fixed one. */
  readonly random?: () => number;
  /** Default `Date.now`. */
  readonly now?: () => number;
}

/** A browser's online flag and events, where there is one (Node has neither). */
interface OnlineSignal {
  readonly navigator?: { readonly onLine?: boolean };
  addEventListener?(type: "online", listener: () => void): void;
  removeEventListener?(type: "online", listener: () => void): void;
}

/**
 * One gate in front of every request a replication makes (pulls, pushes and streams of all its
 * collections). While the server answers, it stands open. After a request fails to reach it (a
 * network error, or a 5xx from the server or a proxy), it closes for an exponentially growing,
 * jittered, capped wait; then one request goes through as a probe while the others wait for its
 * outcome. While the browser says it is offline nothing is sent at all, and when the browser says
 * it is online again the gate opens at once. So a till that is offline for an hour makes a few
 * dozen attempts rather than thousands, and catches up the moment the network is back.
 */
export class ConnectionGate {
  private failures = 0;
  private openAt = 0;
  private probing: Promise<void> | undefined;
  private wake = new Set<() => void>();
  private closed = false;
  private readonly base: number;
  private readonly cap: number;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly signal: OnlineSignal;
  private readonly onOnline = (): void => this.reset();

  constructor(options: BackoffOptions = {}, signal: OnlineSignal = globalThis as unknown as OnlineSignal) {
    this.base = options.base ?? 1_000;
    this.cap = options.cap ?? 60_000;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.signal = signal;
    signal.addEventListener?.("online", this.onOnline);
  }

  /** Failed attempts since the server last answered. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /** The wait after `failures` consecutive failures, before jitter. */
  delayAfter(failures: number): number {
    return failures <= 0 ? 0 : Math.min(this.cap, this.base * 2 ** (failures - 1));
  }

  /** Sends `attempt` when the gate lets it through, and learns from how it went. */
  async run<T>(attempt: () => Promise<T>, failed: (result: T) => boolean): Promise<T> {
    const probe = await this.admit();
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      if (!isAbort(error)) this.fail();
      probe?.();
      throw error;
    }
    if (failed(result)) this.fail();
    else this.succeed();
    probe?.();
    return result;
  }

  /** The browser is online again, or the caller knows the server is back: open now. */
  reset(): void {
    this.failures = 0;
    this.openAt = 0;
    this.notify();
  }

  /** Stops the gate: waiting requests fail, later ones go straight through. */
  close(): void {
    this.closed = true;
    this.signal.removeEventListener?.("online", this.onOnline);
    this.notify();
  }

  /** Waits until a request may go; answers the probe's release when this request is the probe. */
  private async admit(): Promise<(() => void) | undefined> {
    for (;;) {
      if (this.closed) return undefined;
      if (this.signal.navigator?.onLine === false) {
        // Nothing to gain from trying: wait for the browser's "online" (or, in case it never says so, the cap).
        await this.sleep(this.cap);
        if (this.signal.navigator?.onLine === false) this.openAt = 0;
        else continue;
      }
      const wait = this.openAt - this.now();
      if (wait > 0) {
        await this.sleep(wait);
        continue;
      }
      if (this.failures === 0) return undefined;
      if (this.probing) {
        await this.probing;
        continue;
      }
      let release!: () => void;
      this.probing = new Promise<void>((resolve) => (release = resolve));
      return () => {
        this.probing = undefined;
        release();
      };
    }
  }

  private fail(): void {
    // Requests that were already on their way when another failed are one failure, not twelve.
    if (this.now() < this.openAt) return;
    this.failures += 1;
    this.openAt = this.now() + this.delayAfter(this.failures) * (0.5 + this.random() / 2);
  }

  private succeed(): void {
    if (this.failures === 0) return;
    this.failures = 0;
    this.openAt = 0;
    this.notify();
  }

  private notify(): void {
    const waiting = [...this.wake];
    this.wake.clear();
    waiting.forEach((wake) => wake());
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake.add(done);
    });
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

/**
 * `fetch` behind a {@link ConnectionGate}: a request waits while the gate is closed, and a network
 * error or a 5xx answer counts as a failure to reach the server.
 */
export function gatedFetch(fetch: Fetch, gate: ConnectionGate): Fetch {
  return (input, init) =>
    gate.run(
      () => fetch(input, init),
      (response) => response.status >= 500,
    );
}
