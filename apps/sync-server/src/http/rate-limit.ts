import { ApiError, ErrorCode } from "./errors";

/**
 * A fixed-window attempt counter per key (e.g. IP + email) kept in memory: enough to stop password
 * guessing against one process. Behind several processes, each counts its own share.
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    /** What the 429 says; `{s}` becomes the seconds to wait. */
    private readonly message = "Too many sign-in attempts. Try again in {s} s.",
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt; throws 429 with the wait when the key is over its limit. */
  hit(key: string): void {
    const now = this.now();
    if (this.windows.size > 10_000) this.sweep(now);
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
      return;
    }
    window.count += 1;
    if (window.count > this.max) {
      const seconds = Math.ceil((window.resetAt - now) / 1000);
      throw new ApiError(ErrorCode.rate_limited, this.message.replace("{s}", String(seconds)), {
        retryAfterSeconds: seconds,
      });
    }
  }

  /** Forgets a key, e.g. after a successful sign-in. */
  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
