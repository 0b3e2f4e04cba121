import { Alert } from "@countertop/ui";
import { useEffect } from "react";
import { api } from "../app/api";
import { formatCount, formatDateTime, formatPercent, timeAgo } from "../app/format";
import type { Health, OutboxDepth } from "../app/types";
import { useLoad } from "../app/use-load";
import { Kpi } from "./Kpi";

function uptime(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`;
}

/** The server's health: database, pool, live streams, outboxes, errors and p95 latency per route; refreshed every 15 s. */
export function HealthScreen() {
  const health = useLoad(() => api<Health>("GET", "/api/v1/admin/health"), "health");
  useEffect(() => {
    const timer = setInterval(health.reload, 15_000);
    return () => clearInterval(timer);
  }, [health.reload]);
  const h = health.data;
  return (
    <>
      <div className="page-head">
        <h1>Health</h1>
        <button type="button" onClick={health.reload} disabled={health.loading}>
          Refresh
        </button>
      </div>
      <Alert message={health.error} />
      {!h ? (
        <p className="muted">Checking…</p>
      ) : (
        <>
          <section className="kpis" aria-label="Health">
            <Kpi
              label="Database"
              value={h.database.reachable ? `${h.database.latencyMs} ms` : "Unreachable"}
              note={h.database.reachable ? `${h.engine}, reachable` : h.database.error}
              warn={!h.database.reachable}
            />
            <Kpi
              label="Connection pool"
              value={h.database.pool ? `${h.database.pool.open - h.database.pool.idle} / ${h.database.pool.max} busy` : "–"}
              note={h.database.pool ? `${h.database.pool.idle} idle · ${h.database.pool.waiting} waiting` : undefined}
              warn={(h.database.pool?.waiting ?? 0) > 0}
            />
            <Kpi label="Live streams" value={formatCount(h.liveStreams)} note="open on this server" />
            <OutboxKpi label="Mail outbox" depth={h.outboxes?.mail} />
            <OutboxKpi label="Refunds outbox" depth={h.outboxes?.refunds} />
            <Kpi
              label="Errors, last hour"
              value={formatPercent(h.lastHour.errorRate)}
              note={`${formatCount(h.lastHour.errors)} of ${formatCount(h.lastHour.requests)} requests`}
              warn={h.lastHour.errors > 0}
            />
            <Kpi label="Version" value={h.version} note={`up ${uptime(h.uptimeSeconds)}, since ${formatDateTime(h.startedAt)}`} />
          </section>
          <section className="panel flush" aria-labelledby="routes-title">
            <h2 id="routes-title" className="pad">
              Routes, last hour
            </h2>
            {h.lastHour.routes.length === 0 ? (
              <p className="empty muted">No requests in the last hour.</p>
            ) : (
              <table className="table compact">
                <thead>
                  <tr>
                    <th>Route</th>
                    <th className="num">Requests</th>
                    <th className="num">Errors</th>
                    <th className="num">p95</th>
                  </tr>
                </thead>
                <tbody>
                  {h.lastHour.routes.map((r) => (
                    <tr key={r.route}>
                      <td>
                        <code>{r.route}</code>
                      </td>
                      <td className="num">{formatCount(r.requests)}</td>
                      <td className={r.errors > 0 ? "num warn-text" : "num"}>
                        {formatCount(r.errors)} ({formatPercent(r.errorRate)})
                      </td>
                      <td className="num">{r.p95Ms} ms</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** One kind of outbox job: how many wait and since when; jobs that failed for good are named first, they need a person. */
function OutboxKpi({ label, depth }: { label: string; depth: OutboxDepth | undefined }) {
  const waiting = depth?.depth ?? 0;
  const dead = depth?.dead ?? 0;
  const since = depth?.oldestAt ? `oldest ${timeAgo(depth.oldestAt)}` : "nothing waiting";
  return (
    <Kpi
      label={label}
      value={formatCount(waiting)}
      note={dead > 0 ? `${formatCount(dead)} failed for good · ${since}` : since}
      warn={waiting > 0 || dead > 0}
    />
  );
}
