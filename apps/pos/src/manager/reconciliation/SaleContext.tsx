import type { Sale, Settings } from "@countertop/sync-protocol";
import { moneyFormatter, useDocument } from "@countertop/ui";
import type { PosDatabase } from "../../data/replica";
import { dateTime, type Names } from "../names";

/** One figure the server and the till disagreed on (`details.mismatches` of a price_mismatch item). */
interface Mismatch {
  readonly field: string;
  readonly lineId?: string;
  readonly expected: number | null;
  readonly actual: number | null;
  readonly message?: string;
}

const FIELD: Record<string, string> = {
  unitPrice: "unit price",
  discount: "discount",
  tax: "tax",
  total: "total",
  subtotal: "subtotal",
  discountTotal: "discounts",
  taxTotal: "tax total",
  payments: "payments",
  pricing: "pricing",
};

/**
 * A sale as the item is about it, from the replica: who made it where, when it was made and when it
 * reached the server, its lines — and, for a price mismatch, what the server expected against what
 * the till sent, per line and per field.
 */
export function SaleContext({
  db,
  saleId,
  syncedAt,
  mismatches = [],
  settings,
  timeZone,
  names,
}: {
  db: PosDatabase;
  saleId: string;
  syncedAt: string | undefined;
  mismatches?: readonly Mismatch[];
  settings: Settings;
  timeZone: string;
  names: Names;
}) {
  const sale = useDocument<Sale>(() => db.sales.findOne(saleId).$, [db, saleId]);
  const money = moneyFormatter(settings.currency, settings.locale);
  if (sale === undefined) return <p className="muted">Loading the sale…</p>;
  if (sale === null)
    return <p className="muted">This sale is not on this till: it is older than the till's 90 days, or has not reached it yet.</p>;
  const onLine = (lineId: string, field: string) => mismatches.find((m) => m.lineId === lineId && m.field === field);
  const cell = (lineId: string, field: string, value: number) => {
    const m = onLine(lineId, field);
    if (!m) return <td className="num">{money(value)}</td>;
    return (
      <td className="num mismatch">
        <span>till {money(m.actual ?? value)}</span>
        <span className="small">expected {m.expected === null ? "—" : money(m.expected)}</span>
      </td>
    );
  };
  const documentLevel = mismatches.filter((m) => !m.lineId);
  return (
    <section aria-label="The sale" className="context">
      <h2>
        {sale.kind === "refund" ? "Refund" : "Sale"} {sale.number}
      </h2>
      <dl className="facts">
        <dt>Register</dt>
        <dd>{names.register(sale.registerId)}</dd>
        <dt>Cashier</dt>
        <dd>{names.staff(sale.staffId)}</dd>
        <dt>Made</dt>
        <dd>{dateTime(sale.createdAt, settings, timeZone)}</dd>
        <dt>Reached the server</dt>
        <dd>{dateTime(syncedAt, settings, timeZone)}</dd>
        {sale.approvedBy && (
          <>
            <dt>Approved at the till by</dt>
            <dd>{names.staff(sale.approvedBy)}</dd>
          </>
        )}
      </dl>
      <table className="lines-table">
        <caption className="sr-only">Lines; where the till and the server disagree, both figures</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col" className="num">
              Unit price
            </th>
            <th scope="col" className="num">
              Discount
            </th>
            <th scope="col" className="num">
              Tax
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((l) => (
            <tr key={l.id}>
              <th scope="row">{l.name}</th>
              <td className="num">{l.qty}</td>
              {cell(l.id, "unitPrice", l.unitPrice)}
              {cell(l.id, "discount", l.discount)}
              {cell(l.id, "tax", l.tax)}
              {cell(l.id, "total", l.total)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              Total
            </th>
            <td className="num">{money(sale.total)}</td>
          </tr>
        </tfoot>
      </table>
      {documentLevel.length > 0 && (
        <ul className="mismatch-list">
          {documentLevel.map((m, i) => (
            <li key={i}>
              {FIELD[m.field] ?? m.field}: the till sent {m.actual === null ? "—" : money(m.actual)}, the server expected{" "}
              {m.expected === null ? "—" : money(m.expected)}
              {m.message ? ` (${m.message})` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
