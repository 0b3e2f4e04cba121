import { addDays, localHourOf, startOfLocalDay } from "@countertop/domain";
import type { Shift } from "@countertop/sync-protocol";
import { moneyFormatter, shopFormat, useDocuments } from "@countertop/ui";
import { useMemo, useState } from "react";
import type { ManagerContext } from "../manager-context";
import { dateTime, useNames } from "../names";
import { RankedBars, type RankedRow } from "../reports/charts/RankedBars";
import { RangePicker, type DayRange } from "../reports/RangePicker";
import { reportTimeZone } from "../reports/report-store";
import { ShiftDetail } from "./ShiftDetail";
import { cashMoves, varianceTotals, type VarianceTotal } from "./variances";

/**
 * Shift history across every register, from the replica: open and closed shifts of a range with who
 * opened and closed them, float, expected against counted cash, variance and pay-ins and -outs; any
 * shift opens with its Z-report to print again; and the range's variances per register and cashier.
 */
export function ShiftsScreen({ context }: { context: ManagerContext }) {
  const { replica, settings } = context;
  const timeZone = reportTimeZone(settings.timeZone);
  const names = useNames(replica.db, settings);
  const today = localHourOf(new Date(), timeZone).day;
  const [range, setRange] = useState<DayRange>({ from: addDays(today, -29), to: today });
  const [registerId, setRegisterId] = useState("");
  const [openId, setOpenId] = useState<string>();
  const from = startOfLocalDay(range.from, timeZone).toISOString();
  const to = startOfLocalDay(addDays(range.to, 1), timeZone).toISOString();
  const shifts = useDocuments<Shift>(
    () =>
      replica.db.shifts.find({
        selector: { openedAt: { $gte: from, $lt: to }, ...(registerId ? { registerId } : {}) },
        sort: [{ openedAt: "desc" }],
      }).$,
    [replica, from, to, registerId],
  );
  const totals = useMemo(() => varianceTotals(shifts ?? []), [shifts]);
  const money = moneyFormatter(settings.currency, settings.locale);
  const signed = (n: number) => `${money(n)}${n < 0 ? " short" : n > 0 ? " over" : ""}`;

  if (openId)
    return (
      <main className="panel-page">
        <button type="button" className="link" onClick={() => setOpenId(undefined)}>
          ← Back to the shifts
        </button>
        <ShiftDetail db={replica.db} shiftId={openId} settings={settings} timeZone={timeZone} names={names} />
      </main>
    );
  return (
    <main className="panel-page shifts-history" aria-labelledby="shifts-title">
      <h1 id="shifts-title">Shifts and cash</h1>
      <RangePicker range={range} today={today} pattern={shopFormat(settings).datePattern} onChange={setRange} />
      <div className="filters">
        <label>
          Register
          <select value={registerId} onChange={(e) => setRegisterId(e.target.value)}>
            <option value="">All registers</option>
            {settings.registers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="rankings">
        <RankedBars
          title="Variance by register"
          rows={varianceRows(totals.byRegister, names.register, money)}
          format={signed}
          empty="No closed shift in this range."
        />
        <RankedBars
          title="Variance by cashier (who closed)"
          rows={varianceRows(totals.byCashier, names.staff, money)}
          format={signed}
          empty="No closed shift in this range."
        />
      </div>
      {shifts === undefined ? (
        <p className="muted">Loading shifts…</p>
      ) : shifts.length === 0 ? (
        <p className="muted">No shift opened in this range.</p>
      ) : (
        <div className="table-scroll">
          <table className="shifts-table">
            <caption className="sr-only">Shifts, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Register</th>
                <th scope="col">Opened</th>
                <th scope="col">Closed</th>
                <th scope="col" className="num">
                  Float
                </th>
                <th scope="col" className="num">
                  Expected
                </th>
                <th scope="col" className="num">
                  Counted
                </th>
                <th scope="col" className="num">
                  Variance
                </th>
                <th scope="col" className="num">
                  In / out
                </th>
                <th scope="col">
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shifts.map((s) => {
                const moves = cashMoves(s);
                return (
                  <tr key={s.id}>
                    <th scope="row">{names.register(s.registerId)}</th>
                    <td>
                      {dateTime(s.openedAt, settings, timeZone)}
                      <span className="muted small block">{names.staff(s.openedBy)}</span>
                    </td>
                    <td>
                      {s.status === "open" ? <span className="badge">Open</span> : dateTime(s.closedAt, settings, timeZone)}
                      {s.closedBy && <span className="muted small block">{names.staff(s.closedBy)}</span>}
                    </td>
                    <td className="num">{money(s.openingFloat)}</td>
                    <td className="num">{s.expectedCash === undefined ? "—" : money(s.expectedCash)}</td>
                    <td className="num">{s.countedCash === undefined ? "—" : money(s.countedCash)}</td>
                    <td className="num">
                      {s.variance === undefined ? "—" : signed(s.variance)}
                      {s.reviewedAt && <span className="muted small block">reviewed</span>}
                    </td>
                    <td className="num">
                      +{money(moves.payIns)} / −{money(moves.payOuts)}
                    </td>
                    <td>
                      <button
                        type="button"
                        onClick={() => setOpenId(s.id)}
                        aria-label={`Open the shift at ${names.register(s.registerId)} opened ${dateTime(s.openedAt, settings, timeZone)}`}
                      >
                        Open
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

/** Variance totals as ranked rows: net variance, with the shift count and what was short and over. */
function varianceRows(totals: readonly VarianceTotal[], nameOf: (id: string) => string, money: (minor: number) => string): RankedRow[] {
  return totals.map((t) => ({
    key: t.key,
    name: nameOf(t.key),
    value: t.net,
    note: `${t.shifts} shifts · short ${money(t.short)} · over ${money(t.over)}`,
  }));
}
