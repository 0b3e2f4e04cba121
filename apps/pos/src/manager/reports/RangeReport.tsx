import { daysFrom, marginBp, netOf, type Figures } from "@countertop/domain";
import type { Category } from "@countertop/sync-protocol";
import { Alert, moneyFormatter, percentText, useDocuments } from "@countertop/ui";
import { useMemo, useState } from "react";
import { download } from "../csv";
import type { ManagerContext } from "../manager-context";
import type { Names } from "../names";
import { BarChart } from "./charts/BarChart";
import { RankedBars } from "./charts/RankedBars";
import { dayLabel } from "./format";
import { rangeSummary, withCategoryNames } from "./range-summary";
import type { DayRange } from "./RangePicker";
import { linesOfRange, salesLinesCsv } from "./sales-lines-csv";
import type { Facts } from "./use-facts";

const TOP = 10;

/**
 * A range's report from its facts (the till's own store, or the server's for older ranges): sales
 * by hour of the day and by day, top products and categories by revenue or units, per register and
 * per cashier, till against online, and the margin where lines carry their cost.
 */
export function RangeReport({
  context,
  facts,
  range,
  fromServer,
  names,
  timeZone,
}: {
  context: ManagerContext;
  facts: Facts;
  range: DayRange;
  fromServer: boolean;
  names: Names;
  timeZone: string;
}) {
  const { settings, replica } = context;
  const money = useMemo(() => moneyFormatter(settings.currency, settings.locale), [settings]);
  const [by, setBy] = useState<"revenue" | "units">("revenue");
  const [exportError, setExportError] = useState<string>();
  const categories = useDocuments<Category>(() => replica.db.categories.find().$, [replica]);
  const days = useMemo(() => daysFrom(range.from, range.to), [range]);
  const summary = useMemo(() => {
    const names = new Map((categories ?? []).map((c) => [c.id, c.name]));
    return withCategoryNames(rangeSummary(facts, days), (id) => names.get(id));
  }, [facts, days, categories]);
  const hours = useMemo(() => Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, "0")}:00`), []);
  const hourSeries = useMemo(() => [{ label: "Net sales", kind: "bars" as const, values: summary.byHour.map(netOf) }], [summary]);
  const dayLabels = useMemo(() => days.map((d) => dayLabel(d, settings.locale)), [days, settings.locale]);
  const daySeries = useMemo(
    () => [{ label: "Net sales", kind: "bars" as const, values: summary.byDay.map((d) => netOf(d.figures)) }],
    [summary],
  );
  const busiest = summary.byHour.reduce((best, f, h) => (netOf(f) > netOf(summary.byHour[best]!) ? h : best), 0);
  const bestDay = summary.byDay.reduce((best, d, i) => (netOf(d.figures) > netOf(summary.byDay[best]!.figures) ? i : best), 0);
  const margin = marginBp(summary.totals);
  const rank = (rows: typeof summary.products) =>
    [...rows]
      .sort((a, b) => (by === "units" ? b.units - a.units : b.revenue - a.revenue))
      .slice(0, TOP)
      .map((r) => {
        const m = marginBp({ costedRevenue: r.costedUnits > 0 ? r.revenueExTax : 0, cost: r.cost } as Figures);
        return {
          key: r.key,
          name: r.name,
          value: by === "units" ? r.units : r.revenue,
          note:
            by === "units"
              ? money(r.revenue)
              : `${r.units} units${m !== undefined && r.costedUnits === r.units ? ` · margin ${percentText(m, settings.locale, 1)}` : ""}`,
        };
      });
  const people = (map: ReadonlyMap<string, Figures>, name: (id: string) => string) =>
    [...map.entries()]
      .map(([id, f]) => ({ key: id, name: name(id), value: netOf(f), note: `${f.sales} sales` }))
      .sort((a, b) => b.value - a.value);

  const exportLines = async () => {
    setExportError(undefined);
    if (fromServer) return setExportError("Sales lines are exported from this till's own 90 days; choose a range inside them.");
    const { sales, orders } = await linesOfRange(replica.db, range.from, range.to, timeZone);
    download(`sales-lines-${range.from}-to-${range.to}.csv`, salesLinesCsv(sales, orders, settings, names, timeZone));
  };

  return (
    <section className="range-report" aria-label="Report of the range">
      {fromServer && (
        <p className="notice" role="status">
          This range reaches back past the 90 days this till keeps: these figures come from the server.
        </p>
      )}
      <dl className="cards compact">
        <div className="card-figure">
          <dt>Net sales</dt>
          <dd className="figure" data-testid="range-net">
            {money(netOf(summary.totals))}
          </dd>
        </div>
        <div className="card-figure">
          <dt>Sales</dt>
          <dd className="figure">{summary.totals.sales}</dd>
        </div>
        <div className="card-figure">
          <dt>At the tills</dt>
          <dd className="figure">{money(netOf(summary.byChannel.till))}</dd>
          <dd className="compare small">{summary.byChannel.till.sales} sales</dd>
        </div>
        <div className="card-figure">
          <dt>Online orders</dt>
          <dd className="figure" data-testid="range-online">
            {money(netOf(summary.byChannel.online))}
          </dd>
          <dd className="compare small">{summary.byChannel.online.sales} orders</dd>
        </div>
        <div className="card-figure">
          <dt>Margin</dt>
          <dd className="figure">{margin === undefined ? "—" : percentText(margin, settings.locale, 1)}</dd>
          <dd className="compare small">
            {margin === undefined
              ? "No sale line in this range carries its cost."
              : `on ${money(summary.totals.costedRevenue)} excl. tax with a known cost${summary.totals.uncostedRevenue ? `; ${money(summary.totals.uncostedRevenue)} without one left out` : ""}`}
          </dd>
        </div>
      </dl>
      <div className="row">
        <button type="button" onClick={() => void exportLines()}>
          Export sales lines (CSV)
        </button>
      </div>
      <Alert message={exportError} />
      <div className="charts">
        <BarChart
          title="Net sales by hour of the day"
          summary={
            summary.totals.sales === 0
              ? "No sales in this range."
              : `Busiest hour: ${hours[busiest]} with ${money(netOf(summary.byHour[busiest]!))}.`
          }
          labels={hours}
          series={hourSeries}
          format={money}
        />
        {days.length > 1 && (
          <BarChart
            title="Net sales by day"
            summary={
              summary.totals.sales === 0
                ? "No sales in this range."
                : `Best day: ${dayLabels[bestDay]} with ${money(netOf(summary.byDay[bestDay]!.figures))}.`
            }
            labels={dayLabels}
            series={daySeries}
            format={money}
          />
        )}
      </div>
      <div className="row" role="radiogroup" aria-label="Rank by">
        <span>Rank by</span>
        <label className="choice">
          <input type="radio" checked={by === "revenue"} onChange={() => setBy("revenue")} /> revenue
        </label>
        <label className="choice">
          <input type="radio" checked={by === "units"} onChange={() => setBy("units")} /> units
        </label>
      </div>
      <div className="rankings">
        <RankedBars title="Top products" rows={rank(summary.products)} format={by === "units" ? String : money} empty="Nothing sold." />
        <RankedBars title="Top categories" rows={rank(summary.categories)} format={by === "units" ? String : money} empty="Nothing sold." />
        <RankedBars
          title="By register"
          rows={[
            ...people(summary.byRegister, names.register),
            ...(summary.byChannel.online.sales > 0
              ? [
                  {
                    key: "online",
                    name: "Online shop",
                    value: netOf(summary.byChannel.online),
                    note: `${summary.byChannel.online.sales} orders`,
                    tag: "online",
                  },
                ]
              : []),
          ]}
          format={money}
          empty="No sales."
        />
        <RankedBars title="By cashier" rows={people(summary.byStaff, names.staff)} format={money} empty="No till sales." />
      </div>
    </section>
  );
}
