/** Latency buckets: upper bounds growing by a quarter from 0.5 ms to ~2 minutes (p95 within 25 %). */
const BOUNDS: readonly number[] = Array.from({ length: 56 }, (_, i) => 0.5 * 1.25 ** i);

interface Minute {
  minute: number;
  count: number;
  errors: number;
  histogram: number[];
}

/** One route's figures over the window: requests, 5xx answers, their rate and the 95th percentile latency. */
export interface RouteFigures {
  readonly route: string;
  readonly requests: number;
  readonly errors: number;
  readonly errorRate: number;
  readonly p95Ms: number;
}

/**
 * Requests per route (method and pattern) over the last hour, in one-minute buckets with a latency
 * histogram each: what the console's health view shows. In memory, per server process; a few KB
 * per route.
 */
export class RouteMetrics {
  private readonly routes = new Map<string, Minute[]>();
  constructor(
    private readonly windowMinutes = 60,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one answered request. */
  record(route: string, status: number, durationMs: number): void {
    const minute = Math.floor(this.now() / 60_000);
    let minutes = this.routes.get(route);
    if (!minutes) {
      if (this.routes.size > 500) return; // route patterns are few; anything past this is not a pattern
      this.routes.set(route, (minutes = []));
    }
    let current = minutes.at(-1);
    if (current?.minute !== minute) {
      current = { minute, count: 0, errors: 0, histogram: new Array<number>(BOUNDS.length + 1).fill(0) };
      minutes.push(current);
      while (minutes.length > 0 && minutes[0]!.minute <= minute - this.windowMinutes) minutes.shift();
    }
    current.count += 1;
    if (status >= 500) current.errors += 1;
    const bucket = BOUNDS.findIndex((b) => durationMs <= b);
    current.histogram[bucket === -1 ? BOUNDS.length : bucket]! += 1;
  }

  /** Every route seen in the window, busiest first. */
  snapshot(): RouteFigures[] {
    const since = Math.floor(this.now() / 60_000) - this.windowMinutes;
    const figures: RouteFigures[] = [];
    for (const [route, minutes] of this.routes) {
      const recent = minutes.filter((m) => m.minute > since);
      const requests = recent.reduce((n, m) => n + m.count, 0);
      if (requests === 0) continue;
      const errors = recent.reduce((n, m) => n + m.errors, 0);
      const histogram = BOUNDS.map((_, i) => recent.reduce((n, m) => n + m.histogram[i]!, 0));
      const rank = Math.ceil(requests * 0.95);
      let seen = 0;
      let p95 = BOUNDS.at(-1)!;
      for (let i = 0; i < histogram.length; i++) {
        seen += histogram[i]!;
        if (seen >= rank) {
          p95 = BOUNDS[i]!;
          break;
        }
      }
      figures.push({ route, requests, errors, errorRate: errors / requests, p95Ms: Math.round(p95 * 10) / 10 });
    }
    return figures.sort((a, b) => b.requests - a.requests);
  }
}
