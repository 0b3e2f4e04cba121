import type { MiddlewareHandler } from "hono";
import type { Context } from "hono";
import { matchedRoutes, routePath } from "hono/route";
import type { AppEnv } from "./app-env";
import type { Logger } from "./logger";
import type { RouteMetrics } from "./route-metrics";

/** One request as a JSON line: who, what route, the answer and how long it took. */
export interface RequestLogLine {
  readonly time: string;
  readonly requestId: string;
  readonly method: string;
  /** The route pattern that answered (`/sync/v1/:collection/push`), not the raw path. */
  readonly route: string;
  readonly status: number;
  readonly durationMs: number;
  readonly tenantId?: string;
  readonly principal?: string;
}

/**
 * Logs every request as one JSON line when it is answered: at `info`, or at `error` for a 5xx.
 * A live stream is logged when it opens (its status is final then, its duration is not). With
 * `metrics`, also counts it there per route (the console's health view).
 */
export function requestLog(
  log: Logger,
  now: () => number = performance.now.bind(performance),
  metrics?: RouteMetrics,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = now();
    await next();
    const principal = c.get("principal");
    const line: RequestLogLine = {
      time: new Date().toISOString(),
      requestId: c.get("requestId"),
      method: c.req.method,
      route: handlerRoute(c),
      status: c.res.status,
      durationMs: Math.round((now() - started) * 10) / 10,
      ...(principal && principal.kind !== "owner" ? { tenantId: principal.tenantId } : {}),
      ...(principal ? { principal: principal.kind } : {}),
    };
    metrics?.record(`${line.method} ${line.route}`, line.status, line.durationMs);
    if (line.status >= 500) log.error(JSON.stringify(line));
    else log.info(JSON.stringify(line));
  };
}

/**
 * The route pattern of the handler that answered: the last matched route that is not a
 * middleware mounted for every method (`app.use`), which may be registered after it.
 */
function handlerRoute(c: Context): string {
  const handler = matchedRoutes(c).findLast((r) => r.method !== "ALL");
  return handler?.path ?? routePath(c, -1);
}
