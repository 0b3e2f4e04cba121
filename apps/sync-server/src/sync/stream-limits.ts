import { ApiError, ErrorCode } from "../http/errors";

/** How many live streams one caller (a till, a session) and one shop may hold open at once. */
export interface StreamCaps {
  readonly perCaller: number;
  readonly perShop: number;
}

/** How a till is named as a stream holder (a session is `{kind}:{sessionId}`). */
export const deviceCaller = (deviceId: string): string => `device:${deviceId}`;

/** The defaults: a tab needs one or two, a till with a few tabs a handful; a big shop has hundreds of devices. */
export const DEFAULT_STREAM_CAPS: StreamCaps = { perCaller: 8, perShop: 2_000 };

/**
 * Counts the live streams this process holds per caller and per shop, and refuses one more past a
 * cap with 429, so a stolen token cannot hold the server's connections hostage.
 *
 * Per process on purpose, not in Postgres: what a cap protects is this process's sockets and
 * memory, and a stream's place must be given back even when its process dies (a count in the
 * database would leak the places of every stream a SIGKILLed process held). Behind a load balancer
 * with N processes one caller may hold up to N × `perCaller` streams in all, never more than
 * `perCaller` on any one process; size `STREAMS_PER_SHOP` per process likewise.
 */
export class StreamLimiter {
  private readonly callers = new Map<string, number>();
  private readonly shops = new Map<string, number>();
  constructor(private readonly caps: StreamCaps = DEFAULT_STREAM_CAPS) {}

  /** Takes a place for one stream; the returned function gives it back (once, whatever calls it). */
  acquire(caller: string, shop: string): () => void {
    const [mine, shops] = [this.callers.get(caller) ?? 0, this.shops.get(shop) ?? 0];
    if (mine >= this.caps.perCaller) {
      throw new ApiError(ErrorCode.rate_limited, `This sign-in already holds ${mine} live streams; close one (another tab?) first.`, {
        limit: this.caps.perCaller,
      });
    }
    if (shops >= this.caps.perShop) {
      throw new ApiError(ErrorCode.rate_limited, "This shop holds as many live streams as it may; try again shortly.", {
        limit: this.caps.perShop,
      });
    }
    this.callers.set(caller, mine + 1);
    this.shops.set(shop, shops + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.decrement(this.callers, caller);
      this.decrement(this.shops, shop);
    };
  }

  /** How many live streams this caller holds open now (on this server process). */
  heldBy(caller: string): number {
    return this.callers.get(caller) ?? 0;
  }

  /** Streams open now, for the platform's health view. */
  get open(): number {
    let n = 0;
    for (const count of this.shops.values()) n += count;
    return n;
  }

  private decrement(counts: Map<string, number>, key: string): void {
    const left = (counts.get(key) ?? 1) - 1;
    if (left > 0) counts.set(key, left);
    else counts.delete(key);
  }
}
