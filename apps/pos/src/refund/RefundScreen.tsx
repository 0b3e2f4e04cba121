import type { Sale, Settings, Shift, Staff } from "@countertop/sync-protocol";
import { Alert, DateField, formatShopDate, moneyFormatter, shopFormat, useDocuments } from "@countertop/ui";
import { useMemo, useState } from "react";
import type { Till } from "../app/till";
import { notSaved, REFUND_NOT_SAVED } from "../data/not-saved";
import type { PosDatabase } from "../data/replica";
import { ManagerApproval } from "../lock/ManagerApproval";
import { Receipt } from "../pay/Receipt";
import { useBarcodeWedge } from "../sell/use-barcode-wedge";
import { completeRefund } from "./complete-refund";
import { lookUpOlderSale } from "./older-sale";
import { refundFor, stillRefundable } from "./refund";

interface Props {
  readonly db: PosDatabase;
  readonly till: Till;
  readonly staff: Staff;
  readonly shift: Shift;
  readonly settings: Settings;
  readonly onDone: () => void;
}

/** Refunds: find the sale (number, scan, or the recent list), choose lines and quantities, a manager approves. Works offline. */
export function RefundScreen({ db, till, staff, shift, settings, onDone }: Props) {
  const [number, setNumber] = useState("");
  const [sale, setSale] = useState<Sale>();
  const [notFound, setNotFound] = useState<string>();
  const [chosen, setChosen] = useState<Map<string, number>>(new Map());
  const [to, setTo] = useState<"original" | "cash">("original");
  const [approving, setApproving] = useState(false);
  const [done, setDone] = useState<Sale>();
  const [saveError, setSaveError] = useState<string>();
  const money = moneyFormatter(settings.currency, settings.locale);

  const [day, setDay] = useState("");
  const recent = useDocuments<Sale>(() => {
    if (!day) return db.sales.find({ selector: { kind: "sale" }, sort: [{ createdAt: "desc" }], limit: 12 }).$;
    const start = new Date(`${day}T00:00:00`);
    const end = new Date(start.getTime() + 86_400_000);
    return db.sales.find({
      selector: { kind: "sale", createdAt: { $gte: start.toISOString(), $lt: end.toISOString() } },
      sort: [{ createdAt: "desc" }],
      limit: 100,
    }).$;
  }, [db, day]);
  const localRefunds = useDocuments<Sale>(
    () => (sale ? db.sales.find({ selector: { kind: "refund", originalSaleId: sale.id } }).$ : undefined),
    [db, sale?.id],
  );
  // A receipt older than the till's window comes from the server, with the refunds made of it there.
  const [olderRefunds, setOlderRefunds] = useState<readonly Sale[]>([]);
  const refunds = useMemo(
    () => localRefunds && [...localRefunds, ...olderRefunds.filter((r) => !localRefunds.some((l) => l.id === r.id))],
    [localRefunds, olderRefunds],
  );
  const left = useMemo(() => (sale && refunds ? stillRefundable(sale, refunds) : new Map<string, number>()), [sale, refunds]);
  const preview = useMemo(() => (sale && refunds ? refundFor(sale, refunds, chosen) : undefined), [sale, refunds, chosen]);

  const find = async (text: string) => {
    const wanted = text.trim().toUpperCase();
    if (!wanted) return;
    const found = await db.sales.findOne({ selector: { number: wanted, kind: "sale" } }).exec();
    setOlderRefunds([]);
    if (found) {
      setNotFound(undefined);
      setSale(found.toJSON() as Sale);
      setChosen(new Map());
      return;
    }
    // Not on this till: it may be older than the till's sales window, which only the server still holds.
    const older = await lookUpOlderSale(till, wanted);
    if (older.kind === "found") {
      setNotFound(undefined);
      setSale(older.sale);
      setOlderRefunds(older.refunds);
      setChosen(new Map());
      return;
    }
    setNotFound(
      older.kind === "offline"
        ? `No sale ${wanted} on this till, and the server can't be reached to look further back. Check the number, or try again online.`
        : `No sale ${wanted} in this shop. Check the number.`,
    );
  };
  useBarcodeWedge((code) => void find(code), !sale && !done);

  const complete = async (manager: Staff) => {
    if (!sale || !preview) return;
    setSaveError(undefined);
    try {
      const refund = await completeRefund({ db, till, shift, staff, sale, refund: preview, to, approvedBy: manager });
      setDone(refund);
    } catch (e) {
      setSaveError(notSaved(REFUND_NOT_SAVED, e));
    } finally {
      setApproving(false);
    }
  };

  if (done) return <Receipt sale={done} settings={settings} tillName={till.name} onNewSale={onDone} />;

  if (!sale) {
    return (
      <main className="panel-page" aria-labelledby="refund-title">
        <h1 id="refund-title">Refund</h1>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void find(number);
          }}
        >
          <input
            placeholder="Receipt number, e.g. T1-000042 — or scan the receipt"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            aria-label="Receipt number"
          />
          <button className="primary">Find</button>
        </form>
        <Alert message={notFound} />
        <div className="row">
          <h2 className="grow">{day ? `Sales on ${formatShopDate(day, shopFormat(settings).datePattern)}` : "Recent sales"}</h2>
          {/* Typed the shop's way (29.11.2026), not the device's mm/dd/yyyy. */}
          <DateField label="Sales on date" value={day} pattern={shopFormat(settings).datePattern} onChange={setDay} />
        </div>
        {recent === undefined ? (
          <p className="muted">Loading…</p>
        ) : recent.length === 0 ? (
          <p className="muted">{day ? "No sales on that day on this till's records." : "No sales yet."}</p>
        ) : (
          <ul className="list">
            {recent.map((s) => (
              <li key={s.id}>
                <button type="button" className="list-item" onClick={() => void find(s.number)}>
                  <span>{s.number}</span>
                  <span className="muted">{shopFormat(settings).dateTime(s.createdAt)}</span>
                  <span className="num">{money(s.total)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="link" onClick={onDone}>
          Back to selling
        </button>
      </main>
    );
  }

  return (
    <main className="panel-page" aria-labelledby="refund-title">
      <h1 id="refund-title">Refund {sale.number}</h1>
      <p className="muted">
        Sold {shopFormat(settings).dateTime(sale.createdAt)} · {money(sale.total)}
      </p>
      <table className="refund-lines">
        <thead>
          <tr>
            <th>Item</th>
            <th>Sold</th>
            <th>Refund</th>
            <th className="num">Paid</th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((line) => {
            const max = left.get(line.id) ?? 0;
            const n = chosen.get(line.id) ?? 0;
            const set = (v: number) => setChosen(new Map(chosen).set(line.id, Math.max(0, Math.min(max, v))));
            return (
              <tr key={line.id}>
                <td>{line.name}</td>
                <td>
                  {line.qty}
                  {max < line.qty && <span className="muted"> ({line.qty - max} refunded)</span>}
                </td>
                <td>
                  <span className="qty">
                    <button type="button" aria-label={`Refund one less ${line.name}`} disabled={n === 0} onClick={() => set(n - 1)}>
                      −
                    </button>
                    <span aria-label={`Refund quantity of ${line.name}`}>{n}</span>
                    <button type="button" aria-label={`Refund one more ${line.name}`} disabled={n >= max} onClick={() => set(n + 1)}>
                      +
                    </button>
                  </span>
                </td>
                <td className="num">{money(line.total)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="row" role="radiogroup" aria-label="Refund to">
        <label className="choice">
          <input type="radio" name="to" checked={to === "original"} onChange={() => setTo("original")} /> Original payment method
        </label>
        <label className="choice">
          <input type="radio" name="to" checked={to === "cash"} onChange={() => setTo("cash")} /> Cash
        </label>
      </div>
      <p className="due">
        <span>To refund</span> <strong data-testid="refund-total">{money(preview?.total ?? 0)}</strong>
      </p>
      <div className="row">
        <button type="button" onClick={() => setSale(undefined)}>
          Another sale
        </button>
        <button type="button" className="primary big" disabled={!preview} onClick={() => setApproving(true)}>
          Refund {money(preview?.total ?? 0)}
        </button>
      </div>
      <Alert message={saveError} />
      {approving && (
        <ManagerApproval
          db={db}
          reason={`Refund ${money(preview?.total ?? 0)} of sale ${sale.number}.`}
          onApproved={(m) => void complete(m)}
          onCancel={() => setApproving(false)}
        />
      )}
    </main>
  );
}
