import { Alert } from "@countertop/ui";
import { useMemo, useState } from "react";
import { api } from "../app/api";
import { formatCount, formatMoney, timeAgo } from "../app/format";
import { Link } from "../app/Link";
import type { PlatformStats } from "../app/types";
import { useLoad } from "../app/use-load";
import { LazyDayChart } from "../charts/LazyDayChart";
import { Kpi } from "./Kpi";

const RANGES = [7, 30, 90] as const;

/** The platform at a glance: money and orders per day, shops and tills, the backlogs, the top shops. */
export function Overview() {
  const [days, setDays] = useState<number>(30);
  const [currency, setCurrency] = useState<string>();
  const stats = useLoad(
    () => api<PlatformStats>("GET", `/api/v1/admin/stats?days=${days}${currency ? `&currency=${currency}` : ""}`),
    `${days}|${currency}`,
  );
  const data = stats.data;
  const money = useMemo(() => (data ? (v: number) => formatMoney(v, data.currency) : () => ""), [data]);
  const count = useMemo(() => (v: number) => formatCount(Math.round(v)), []);
  const dayList = useMemo(() => data?.days.map((d) => d.day) ?? [], [data]);
  const gmvSeries = useMemo(
    () =>
      data
        ? [
            { label: "At the tills", values: data.days.map((d) => d.posGmv), color: "#1f6f5c", kind: "bars" as const },
            { label: "Online", values: data.days.map((d) => d.onlineGmv), color: "#e8a33d", kind: "bars" as const },
          ]
        : [],
    [data],
  );
  const orderSeries = useMemo(
    () =>
      data
        ? [
            { label: "Till sales", values: data.days.map((d) => d.posSales), color: "#1f6f5c", kind: "line" as const },
            { label: "Online orders", values: data.days.map((d) => d.onlineOrders), color: "#e8a33d", kind: "line" as const },
            { label: "Shops selling", values: data.days.map((d) => d.activeShops ?? 0), color: "#22304a", kind: "line" as const },
            { label: "New shops", values: data.days.map((d) => d.newShops ?? 0), color: "#a3261b", kind: "line" as const },
          ]
        : [],
    [data],
  );
  const totalGmv = data?.days.reduce((n, d) => n + d.posGmv + d.onlineGmv, 0) ?? 0;
  const totalOrders = data?.days.reduce((n, d) => n + d.posSales + d.onlineOrders, 0) ?? 0;

  return (
    <>
      <div className="page-head">
        <h1>Platform overview</h1>
        <div className="controls">
          <div className="segmented" role="group" aria-label="Period">
            {RANGES.map((r) => (
              <button key={r} type="button" aria-pressed={days === r} onClick={() => setDays(r)}>
                {r} days
              </button>
            ))}
          </div>
          {data && data.currencies.length > 1 && (
            <label className="inline">
              Currency
              <select value={data.currency} onChange={(e) => setCurrency(e.target.value)}>
                {data.currencies.map((c) => (
                  <option key={c.currency} value={c.currency}>
                    {c.currency} ({c.shops} shops)
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </div>
      <Alert message={stats.error} />
      {!data ? (
        <p className="muted">Loading the platform's figures…</p>
      ) : (
        <>
          <section className="kpis" aria-label="Key figures">
            <Kpi label={`GMV, ${days} days`} value={money(totalGmv)} note={`in ${data.currency}; till and online`} />
            <Kpi label={`Orders, ${days} days`} value={count(totalOrders)} note="till sales and online orders" />
            <Kpi
              label="Shops"
              value={count(data.shops.active)}
              note={`${data.shops.selling} selling · ${data.shops.suspended} suspended · ${data.shops.closed} closed`}
            />
            <Kpi
              label="Tills active"
              value={`${count(data.tills.active)} / ${count(data.tills.registered)}`}
              note="synced in the last 24 h"
            />
            <Kpi
              label="Sync backlog"
              value={count(data.syncBacklog.documents)}
              note={
                data.syncBacklog.tills > 0
                  ? `documents on ${data.syncBacklog.tills} tills · oldest report ${timeAgo(data.syncBacklog.oldestReportAt)}`
                  : "nothing waiting on any till"
              }
              warn={data.syncBacklog.documents > 0}
            />
            <Kpi
              label="Reconciliation backlog"
              value={count(data.reconciliationBacklog.open)}
              note={`open items in ${data.reconciliationBacklog.shops} shops`}
              warn={data.reconciliationBacklog.open > 0}
            />
          </section>
          <div className="grid-2">
            <section className="panel">
              <LazyDayChart title={`GMV per day (${data.currency})`} days={dayList} series={gmvSeries} format={money} />
            </section>
            <section className="panel">
              <LazyDayChart title="Orders and shops per day" days={dayList} series={orderSeries} format={count} whole />
            </section>
          </div>
          <section className="panel">
            <h2>Top shops, {days} days</h2>
            {data.topShops.length === 0 ? (
              <p className="muted">No shop has sold anything in this period yet.</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th>Shop</th>
                    <th className="num">GMV</th>
                    <th className="num">Orders</th>
                  </tr>
                </thead>
                <tbody>
                  {data.topShops.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link to={`/shops/${s.id}`}>{s.name}</Link> <span className="muted">/{s.slug}</span>
                      </td>
                      <td className="num">{money(s.gmv)}</td>
                      <td className="num">{count(s.orders)}</td>
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
