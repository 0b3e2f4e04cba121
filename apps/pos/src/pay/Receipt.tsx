import type { Sale, Settings } from "@countertop/sync-protocol";
import { Alert, moneyFormatter, percentText, shopFormat } from "@countertop/ui";
import JsBarcode from "jsbarcode";
import { useEffect, useRef, useState } from "react";
import { queueReceiptEmail, useReceiptEmails } from "./email-outbox";

const SALE_METHOD: Record<string, string> = { cash: "Cash", card: "Card", other: "Other" };
const REFUND_METHOD: Record<string, string> = { cash: "Paid out in cash", card: "Back to card", other: "Paid out (other)" };

/**
 * The receipt of a completed (already durable) sale, laid out for an 80 mm printer when printed.
 * A refund's amounts carry a minus: money paid out.
 */
export function Receipt({
  sale,
  settings,
  tillName,
  onNewSale,
  onEmailQueued,
}: {
  sale: Sale;
  settings: Settings;
  tillName: string;
  onNewSale: () => void;
  onEmailQueued?: () => void;
}) {
  const emails = useReceiptEmails(sale.id);
  const [emailing, setEmailing] = useState(false);
  const [address, setAddress] = useState("");
  const [emailError, setEmailError] = useState<string>();
  const money = moneyFormatter(sale.currency, settings.locale);
  const barcode = useRef<SVGSVGElement>(null);
  useEffect(() => {
    // Code 128 of the receipt number: scanning it at the refund screen finds the sale.
    if (barcode.current)
      JsBarcode(barcode.current, sale.number, { format: "CODE128", height: 48, width: 1.6, fontSize: 13, margin: 0, font: "monospace" });
  }, [sale.number]);
  const byRate = new Map<number, { tax: number; total: number }>();
  for (const line of sale.lines) {
    const entry = byRate.get(line.taxRate) ?? { tax: 0, total: 0 };
    entry.tax += line.tax;
    entry.total += line.total;
    byRate.set(line.taxRate, entry);
  }
  const change = sale.payments.reduce((sum, p) => sum + (p.change ?? 0), 0);
  // A refund's money goes out of the drawer: every amount on its receipt is shown as paid out.
  const refund = sale.kind === "refund";
  const out = (amount: number) => money(refund ? -amount : amount);
  const METHOD = refund ? REFUND_METHOD : SALE_METHOD;
  return (
    <section className="receipt-screen" aria-labelledby="receipt-title">
      <div className="receipt" data-testid="receipt">
        <header>
          <strong>{settings.shopName}</strong>
          {settings.receiptHeader && <div>{settings.receiptHeader}</div>}
          <div>
            {tillName} · {shopFormat(settings).dateTime(sale.createdAt)}
          </div>
          <div id="receipt-title">
            {sale.kind === "refund" ? "Refund" : "Receipt"} {sale.number}
          </div>
        </header>
        <table>
          <tbody>
            {sale.lines.map((line) => (
              <tr key={line.id}>
                <td>
                  {line.qty} × {line.name}
                  {line.discount > 0 && <div className="muted">discount −{money(line.discount)}</div>}
                </td>
                <td className="num">{out(line.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="total">
          <span>{refund ? "Refunded" : "Total"}</span> <strong data-testid="receipt-total">{out(sale.total)}</strong>
        </p>
        <table className="small">
          <tbody>
            {[...byRate].map(([rate, t]) => (
              <tr key={rate}>
                <td>
                  Tax {percentText(rate, settings.locale)} {sale.taxMode === "inclusive" ? "incl." : "on"}{" "}
                  {out(t.total - (sale.taxMode === "inclusive" ? 0 : t.tax))}
                </td>
                <td className="num">{out(t.tax)}</td>
              </tr>
            ))}
            {sale.payments.map((p, i) => (
              <tr key={i}>
                <td>
                  {METHOD[p.method] ?? p.method}
                  {p.reference ? ` (${p.reference})` : ""}
                </td>
                <td className="num">{out(p.tendered ?? p.amount)}</td>
              </tr>
            ))}
            {change > 0 && (
              <tr>
                <td>Change</td>
                <td className="num" data-testid="change">
                  {money(change)}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {settings.receiptFooter && <footer>{settings.receiptFooter}</footer>}
        <div className="barcode">
          <svg ref={barcode} role="img" aria-label={`Barcode of receipt ${sale.number}`} />
        </div>
      </div>
      {emails.length > 0 && (
        <ul className="list no-print" aria-label="Emailed receipts">
          {emails.map((e) => (
            <li key={e.to} className="muted">
              {e.status === "sent" ? `Emailed to ${e.to}` : `Email to ${e.to} queued — it goes out when the till is online`}
            </li>
          ))}
        </ul>
      )}
      {emailing && (
        <form
          className="row no-print"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address.trim())) return setEmailError("That email address doesn't look right.");
            queueReceiptEmail(sale.id, address);
            setEmailing(false);
            setEmailError(undefined);
            onEmailQueued?.();
          }}
        >
          <input
            type="email"
            placeholder="customer@example.com"
            value={address}
            onChange={(ev) => setAddress(ev.target.value)}
            aria-label="Email address"
            autoFocus
          />
          <button className="primary">Send</button>
        </form>
      )}
      <Alert message={emailError} className="no-print" />
      <div className="row no-print">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" onClick={() => setEmailing(true)}>
          Email
        </button>
        <button type="button" className="primary big" onClick={onNewSale} autoFocus>
          New sale
        </button>
      </div>
    </section>
  );
}
