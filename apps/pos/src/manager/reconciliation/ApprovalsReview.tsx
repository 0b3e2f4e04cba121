import type { Sale } from "@countertop/sync-protocol";
import { DateRangeFields, moneyFormatter, shopFormat, useDocuments } from "@countertop/ui";
import { useState } from "react";
import { startOfLocalDay, addDays } from "@countertop/domain";
import type { ManagerContext } from "../manager-context";
import { dateTime, type Names } from "../names";
import { reportTimeZone } from "../reports/report-store";
import { lastDays } from "./ReconciliationScreen";

/**
 * Sales a manager approved at a till with their PIN (an over-threshold discount, a refund): the PIN
 * gave no power on the server, so each is listed here to be looked at. Read from the replica, within
 * the chosen days (the last week at first).
 */
export function ApprovalsReview({ context, names }: { context: ManagerContext; names: Names }) {
  const { replica, settings } = context;
  const timeZone = reportTimeZone(settings.timeZone);
  const [range, setRange] = useState(() => lastDays(7, timeZone));
  const from = startOfLocalDay(range.from, timeZone).toISOString();
  const to = startOfLocalDay(addDays(range.to, 1), timeZone).toISOString();
  const sales = useDocuments<Sale>(
    () =>
      replica.db.sales.find({
        selector: { createdAt: { $gte: from, $lt: to }, approvedBy: { $exists: true } },
        sort: [{ createdAt: "desc" }],
      }).$,
    [replica, from, to],
  );
  const money = moneyFormatter(settings.currency, settings.locale);
  return (
    <section aria-label="Offline approvals">
      <div className="filters" role="group" aria-label="Days">
        <DateRangeFields from={range.from} to={range.to} pattern={shopFormat(settings).datePattern} required onChange={setRange} />
      </div>
      {sales === undefined ? (
        <p className="muted">Loading…</p>
      ) : sales.length === 0 ? (
        <p className="muted">No sale in these days carries a manager's approval.</p>
      ) : (
        <ul className="list" aria-label="Approved sales">
          {sales.map((s) => (
            <li key={s.id} className="list-item static approval-item">
              <span className="recon-text">
                <strong>
                  {s.kind === "refund" ? "Refund" : "Sale"} {s.number} · {money(s.total)}
                  {s.discountTotal ? ` · ${money(s.discountTotal)} discount` : ""}
                </strong>
                <span className="muted small">
                  {dateTime(s.createdAt, settings, timeZone)} · {names.register(s.registerId)} · cashier {names.staff(s.staffId)}
                </span>
              </span>
              <span className="muted small">
                {(s.approvals ?? [{ staffId: s.approvedBy!, action: s.kind === "refund" ? "refund" : "discount", at: s.createdAt }])
                  .map((a) => `${a.action === "refund" ? "Refund" : "Discount"} approved by ${names.staff(a.staffId)}`)
                  .join("; ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
