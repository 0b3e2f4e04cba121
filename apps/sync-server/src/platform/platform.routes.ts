import { Hono } from "hono";
import { requireAuth } from "../auth/auth.middleware";
import type { AppDeps, AppEnv } from "../http/app-env";
import type { ServerRuntime } from "../http/app-env";
import { queryOf } from "../http/params";
import { outboxHealth, platformStats } from "./platform-stats.repository";
import { statsQuerySchema } from "./platform.schema";

/**
 * The platform's figures and health, for the owner:
 * - `GET /api/v1/admin/stats?days&currency` — KPIs and their daily series (see `platformStats`);
 * - `GET /api/v1/admin/health` — the database (reachable, latency, pool), open live streams, the
 *   outboxes, errors and p95 latency per route over the last hour, version and uptime. `/health`
 *   stays the cheap probe for load balancers.
 */
export function platformRoutes(deps: AppDeps, runtime: ServerRuntime) {
  // Mounted at /api/v1/admin beside the other admin routers: the sign-in check goes on each route.
  const owner = requireAuth(deps, ["owner"]);
  return new Hono<AppEnv>()
    .get("/stats", owner, async (c) => c.json(await platformStats(deps.db, queryOf(c, statsQuerySchema))))
    .get("/health", owner, async (c) => {
      const started = performance.now();
      let database: { reachable: boolean; latencyMs: number | null; error?: string };
      try {
        await deps.db.selectNoFrom((eb) => eb.val(1).as("one")).execute();
        database = { reachable: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
      } catch (error) {
        database = { reachable: false, latencyMs: null, error: error instanceof Error ? error.message : String(error) };
      }
      const outboxes = database.reachable ? await outboxHealth(deps.db) : null;
      const routes = runtime.metrics.snapshot();
      const requests = routes.reduce((n, r) => n + r.requests, 0);
      const errors = routes.reduce((n, r) => n + r.errors, 0);
      return c.json({
        ok: database.reachable,
        version: deps.version,
        engine: deps.dbKind,
        startedAt: deps.startedAt.toISOString(),
        uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
        database: { ...database, pool: deps.poolStats?.() ?? null },
        liveStreams: runtime.streams.open,
        outboxes,
        lastHour: { requests, errors, errorRate: requests === 0 ? 0 : errors / requests, routes },
      });
    });
}
