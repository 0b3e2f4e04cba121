import { Alert } from "@countertop/ui";
import { useMemo, useState } from "react";
import { api } from "../app/api";
import { formatCount, formatMoney } from "../app/format";
import type { DayFigures } from "../app/types";
import { useLoad } from "../app/use-load";
import { LazyDayChart } from "../charts/LazyDayChart";
import { Kpi } from "../screens/Kpi";

/** A shop's money and orders per day, at the tills and online, over 30 or 90 days. */
export function ShopFigures({ id, currency }: { id: string; currency: string }) {
  const [days, setDays] = useState(30);
  const figures = useLoad(() => api<{ days: DayFigures[] }>("GET", `/api/v1/admin/tenants/${id}/figures?days=${days}`), `${id}|${days}`);
  const list = figures.data?.days;
  const money = useMemo(() => (v: number) => formatMoney(v, currency), [currency]);
  const count = useMemo(() => (v: number) => formatCount(Math.round(v)), []);
  const dayNames = useMemo(() => list?.map((d) => d.day) ?? [], [list]);
  const gmv = useMemo(
    () => [
      { label: "At the tills", values: list?.map((d) => d.posGmv) ?? [], color: "#1f6f5c", kind: "bars" as const },
      { label: "Online", values: list?.map((d) => d.onlineGmv) ?? [], color: "#e8a33d", kind: "bars" as const },
    ],
    [list],
  );
  const orders = useMemo(
    () => [
      { label: "Till sales", values: list?.map((d) => d.posSales) ?? [], color: "#1f6f5c", kind: "line" as const },
      { label: "Online orders", values: list?.map((d) => d.onlineOrders) ?? [], color: "#e8a33d", kind: "line" as const },
    ],
    [list],
  );
  const today = list?.at(-1);
  const total = list?.reduce((n, d) => n + d.posGmv + d.onlineGmv, 0) ?? 0;
  const sales = list?.reduce((n, d) => n + d.posSales + d.onlineOrders, 0) ?? 0;
  return (
    <section className="panel" aria-labelledby="figures-title">
      <div className="panel-head">
        <h2 id="figures-title">Figures</h2>
        <div className="segmented" role="group" aria-label="Period">
          {[30, 90].map((r) => (
            <button key={r} type="button" aria-pressed={days === r} onClick={() => setDays(r)}>
              {r} days
            </button>
          ))}
        </div>
      </div>
      <Alert message={figures.error} />
      {list && (
        <>
          <div className="kpis small-kpis" data-testid="shop-figures">
            <Kpi label="GMV today" value={money((today?.posGmv ?? 0) + (today?.onlineGmv ?? 0))} />
            <Kpi label="Orders today" value={count((today?.posSales ?? 0) + (today?.onlineOrders ?? 0))} />
            <Kpi label={`GMV, ${days} days`} value={money(total)} />
            <Kpi label={`Orders, ${days} days`} value={count(sales)} />
          </div>
          <div className="grid-2">
            <LazyDayChart title="GMV per day" days={dayNames} series={gmv} format={money} height={180} />
            <LazyDayChart title="Orders per day" days={dayNames} series={orders} format={count} height={180} whole />
          </div>
        </>
      )}
    </section>
  );
}
