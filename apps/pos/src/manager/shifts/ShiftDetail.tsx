import type { Sale, Settings, Shift } from "@countertop/sync-protocol";
import { moneyFormatter, useDocument, useDocuments } from "@countertop/ui";
import { useState } from "react";
import type { PosDatabase } from "../../data/replica";
import { ZReportView } from "../../shift/ZReportView";
import { dateTime, type Names } from "../names";

/**
 * A shift as a manager reviews it: who opened and closed it and when, the float, expected against
 * counted cash and the variance, every pay-in and pay-out, the review — and its Z-report, to read or
 * print again, rebuilt from the sales the till holds for it.
 */
export function ShiftDetail({
  db,
  shiftId,
  settings,
  timeZone,
  names,
}: {
  db: PosDatabase;
  shiftId: string;
  settings: Settings;
  timeZone: string;
  names: Names;
}) {
  const shift = useDocument<Shift>(() => db.shifts.findOne(shiftId).$, [db, shiftId]);
  const [showZ, setShowZ] = useState(false);
  const sales = useDocuments<Sale>(() => (showZ ? db.sales.find({ selector: { shiftId } }).$ : undefined), [db, shiftId, showZ]);
  const money = moneyFormatter(settings.currency, settings.locale);
  if (shift === undefined) return <p className="muted">Loading the shift…</p>;
  if (shift === null) return <p className="muted">This shift is not on this till.</p>;
  if (showZ) {
    if (!sales) return <p className="muted">Loading the Z-report…</p>;
    return <ZReportView shift={shift} sales={sales} settings={settings} onDone={() => setShowZ(false)} />;
  }
  return (
    <section aria-label="The shift" className="context">
      <h2>Shift at {names.register(shift.registerId)}</h2>
      <dl className="facts">
        <dt>Opened</dt>
        <dd>
          {dateTime(shift.openedAt, settings, timeZone)} by {names.staff(shift.openedBy)}
        </dd>
        <dt>Closed</dt>
        <dd>{shift.closedAt ? `${dateTime(shift.closedAt, settings, timeZone)} by ${names.staff(shift.closedBy)}` : "Still open"}</dd>
        <dt>Opening float</dt>
        <dd>{money(shift.openingFloat)}</dd>
        <dt>Expected cash</dt>
        <dd>{shift.expectedCash === undefined ? "—" : money(shift.expectedCash)}</dd>
        <dt>Counted cash</dt>
        <dd>{shift.countedCash === undefined ? "—" : money(shift.countedCash)}</dd>
        <dt>Variance</dt>
        <dd className={shift.variance ? "variance" : undefined}>
          {shift.variance === undefined
            ? "—"
            : `${money(shift.variance)}${shift.variance < 0 ? " (short)" : shift.variance > 0 ? " (over)" : ""}`}
        </dd>
        {shift.reviewedAt && (
          <>
            <dt>Reviewed</dt>
            <dd>
              {dateTime(shift.reviewedAt, settings, timeZone)} by {names.staff(shift.reviewedBy)}: {shift.reviewNote}
            </dd>
          </>
        )}
      </dl>
      {shift.cashMovements.length > 0 && (
        <>
          <h3>Pay-ins and pay-outs</h3>
          <ul className="list">
            {shift.cashMovements.map((m) => (
              <li key={m.id} className="list-item static">
                <span>{m.kind === "pay_in" ? "Pay in" : "Pay out"}</span>
                <span className="muted">
                  {m.reason} · {names.staff(m.staffId)} · {dateTime(m.at, settings, timeZone)}
                </span>
                <span className="num">{money(m.kind === "pay_in" ? m.amount : -m.amount)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={() => setShowZ(true)}>
        Open the Z-report
      </button>
    </section>
  );
}
