import { countCash, DENOMINATIONS, expectedCash, minor, qty, zReport } from "@countertop/domain";
import type { Sale, Settings, Shift, Staff } from "@countertop/sync-protocol";
import { Alert, amountText, Dialog, moneyFormatter, parseAmount, shopFormat, useDocuments } from "@countertop/ui";
import { useMemo, useState } from "react";
import { uuidv7 } from "uuidv7";
import { notSaved } from "../data/not-saved";
import type { PosDatabase } from "../data/replica";
import { zReportDocument } from "../data/domain-sale";
import { ZReportView } from "./ZReportView";

interface Props {
  readonly db: PosDatabase;
  readonly staff: Staff;
  readonly shift: Shift;
  readonly settings: Settings;
  readonly onBack: () => void;
  /** The shift is closed: the caller shows its Z-report (this screen unmounts once no shift is open). */
  readonly onClosed: (shift: Shift) => void;
}

/** The drawer: pay-ins and pay-outs with a reason, then a count by denomination, then the Z-report. */
export function CloseShift({ db, staff, shift, settings, onBack, onClosed }: Props) {
  const sales = useDocuments<Sale>(() => db.sales.find({ selector: { shiftId: shift.id } }).$, [db, shift.id]);
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [moveKind, setMoveKind] = useState<"pay_in" | "pay_out">("pay_out");
  const [moveAmount, setMoveAmount] = useState("");
  const [moveReason, setMoveReason] = useState("");
  const [error, setError] = useState<string>();
  const [closeError, setCloseError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const documents = useMemo(() => sales?.map(zReportDocument), [sales]);
  const money = moneyFormatter(settings.currency, settings.locale);
  const denominations = DENOMINATIONS[settings.currency] ?? [];

  const counted = useMemo(
    () =>
      countCash(
        denominations
          .map((value) => ({ value, count: qty(Math.max(0, Math.floor(Number(counts[value] ?? 0)) || 0)) }))
          .filter((c) => c.count > 0),
        settings.currency,
      ),
    [counts, denominations, settings.currency],
  );
  const movements = shift.cashMovements.map((m) => ({ kind: m.kind, amount: minor(m.amount) }));
  const expected = documents ? expectedCash(minor(shift.openingFloat), documents, movements) : undefined;

  const addMovement = async () => {
    let amount: number;
    try {
      amount = parseAmount(moveAmount, settings.currency, settings.locale);
    } catch {
      return setError(`Enter the amount, e.g. ${amountText(2_000, settings.currency, settings.locale)}.`);
    }
    if (amount <= 0) return setError("The amount must be more than zero.");
    if (!moveReason.trim()) return setError("Say why the cash goes in or out.");
    try {
      const doc = await db.shifts.findOne(shift.id).exec();
      await doc?.incrementalModify((s) => ({
        ...s,
        cashMovements: [
          ...s.cashMovements,
          { id: uuidv7(), kind: moveKind, amount, reason: moveReason.trim(), at: new Date().toISOString(), staffId: staff.id },
        ],
      }));
    } catch (e) {
      const failed = `The ${moveKind === "pay_out" ? "pay-out" : "pay-in"} was not recorded`;
      return setError(notSaved({ failed, kept: "What you typed is kept." }, e));
    }
    setMoveAmount("");
    setMoveReason("");
    setError(undefined);
  };

  const variance = expected ? counted - expected.expected : 0;
  // A drawer that doesn't match is closed only after the cashier has seen by how much.
  const askToClose = () => (variance !== 0 ? setConfirming(true) : void close());
  const close = async () => {
    setConfirming(false);
    setCloseError(undefined);
    if (!documents || !expected) return;
    const report = zReport({
      openingFloat: minor(shift.openingFloat),
      documents,
      cashMovements: movements,
      countedCash: counted,
    });
    const denominationCounts = Object.fromEntries(
      Object.entries(counts)
        .filter(([, n]) => Number(n) > 0)
        .map(([v, n]) => [v, Math.floor(Number(n))]),
    );
    let updated;
    try {
      const doc = await db.shifts.findOne(shift.id).exec();
      updated = await doc?.incrementalPatch({
        status: "closed",
        closedBy: staff.id,
        closedAt: new Date().toISOString(),
        countedCash: counted,
        expectedCash: report.cash.expected,
        denominations: denominationCounts,
        variance: report.variance ?? 0,
      });
    } catch (e) {
      return setCloseError(notSaved({ failed: "The shift was not closed", kept: "The count you typed is kept." }, e));
    }
    if (updated) onClosed(updated.toJSON() as Shift);
  };

  return (
    <main className="panel-page" aria-labelledby="close-title">
      <h1 id="close-title">Shift and drawer</h1>
      <p className="muted">
        Opened {shopFormat(settings).dateTime(shift.openedAt)} with {money(shift.openingFloat)} · {sales?.length ?? "…"} sales and refunds
      </p>
      <section className="split">
        <div>
          <h2>Pay in / pay out</h2>
          <div className="row" role="radiogroup" aria-label="Cash movement">
            <label className="choice">
              <input type="radio" checked={moveKind === "pay_out"} onChange={() => setMoveKind("pay_out")} /> Pay out
            </label>
            <label className="choice">
              <input type="radio" checked={moveKind === "pay_in"} onChange={() => setMoveKind("pay_in")} /> Pay in
            </label>
          </div>
          <div className="row">
            <input
              inputMode="decimal"
              placeholder={`Amount, e.g. ${amountText(2_000, settings.currency, settings.locale)}`}
              aria-label="Movement amount"
              value={moveAmount}
              onChange={(e) => setMoveAmount(e.target.value)}
            />
            <input
              placeholder="Reason"
              aria-label="Movement reason"
              value={moveReason}
              maxLength={200}
              onChange={(e) => setMoveReason(e.target.value)}
            />
            <button type="button" onClick={() => void addMovement()}>
              Record
            </button>
          </div>
          <ul className="list">
            {shift.cashMovements.map((m) => (
              <li key={m.id} className="list-item static">
                <span>{m.kind === "pay_in" ? "Pay in" : "Pay out"}</span>
                <span className="muted">{m.reason}</span>
                <span className="num">{money(m.kind === "pay_in" ? m.amount : -m.amount)}</span>
              </li>
            ))}
          </ul>
          <Alert message={error} />
        </div>
        <div>
          <h2>Count the drawer</h2>
          <div className="denominations">
            {denominations.map((value) => (
              <label key={value}>
                <span>{money(value)}</span>
                <input
                  inputMode="numeric"
                  aria-label={`Count of ${money(value)}`}
                  value={counts[value] ?? ""}
                  onChange={(e) => setCounts({ ...counts, [value]: e.target.value.replace(/\D/g, "") })}
                />
              </label>
            ))}
          </div>
          <dl className="totals">
            <dt>Counted</dt>
            <dd data-testid="counted">{money(counted)}</dd>
            <dt>Expected</dt>
            <dd data-testid="expected">{expected ? money(expected.expected) : "…"}</dd>
            <dt className="grand">Variance</dt>
            <dd className="grand" data-testid="variance">
              {expected ? money(variance) : "…"}
            </dd>
          </dl>
        </div>
      </section>
      <Alert message={closeError} />
      <div className="row">
        <button type="button" onClick={onBack}>
          Back to selling
        </button>
        <button type="button" className="primary big" disabled={!sales} onClick={askToClose}>
          Close shift
        </button>
      </div>
      {confirming && expected && (
        <Dialog
          title={`The drawer is ${money(Math.abs(variance))} ${variance < 0 ? "short" : "over"}`}
          onCancel={() => setConfirming(false)}
          actions={
            <button type="button" className="primary big" onClick={() => void close()}>
              Close with {money(variance)}
            </button>
          }
        >
          <dl className="totals">
            <div className="totals-row">
              <dt>Counted</dt>
              <dd>{money(counted)}</dd>
            </div>
            <div className="totals-row">
              <dt>Expected</dt>
              <dd>{money(expected.expected)}</dd>
            </div>
            <div className="totals-row grand">
              <dt>Variance</dt>
              <dd>{money(variance)}</dd>
            </div>
          </dl>
          <p className="muted">Count again if a note or coin was missed. Closing records the variance for the manager to review.</p>
        </Dialog>
      )}
    </main>
  );
}

/** The Z-report of a closed shift, from the sales and refunds the till holds for it. */
export function ClosedShiftReport({
  db,
  shift,
  settings,
  onDone,
}: {
  db: PosDatabase;
  shift: Shift;
  settings: Settings;
  onDone: () => void;
}) {
  const sales = useDocuments<Sale>(() => db.sales.find({ selector: { shiftId: shift.id } }).$, [db, shift.id]);
  if (!sales) return <p className="muted center">Loading the report…</p>;
  return <ZReportView shift={shift} sales={sales} settings={settings} onDone={onDone} />;
}
