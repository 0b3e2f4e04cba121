import type { Customer } from "@countertop/sync-protocol";
import { percentText, shopFormat } from "@countertop/ui";
import type { ManagerContext } from "../manager-context";
import { taxBands, type InvoiceData } from "./invoice";

function AddressLines({ address }: { address: NonNullable<Customer["addresses"]>[number] | undefined }) {
  if (!address) return null;
  return (
    <>
      <div>{address.line1}</div>
      {address.line2 && <div>{address.line2}</div>}
      <div>
        {address.postalCode} {address.city}
      </div>
      <div>{address.country}</div>
    </>
  );
}

/**
 * An A4 invoice for a sale or an online order: the shop with its tax number, the customer with
 * their address and tax number, the lines, and the tax per rate. Printed with the browser's print
 * dialog; only the invoice prints.
 */
export function InvoiceView({
  context,
  invoice,
  customer,
  onClose,
}: {
  context: ManagerContext;
  invoice: InvoiceData;
  customer: Customer | undefined;
  onClose: () => void;
}) {
  const { settings } = context;
  const format = shopFormat({ ...settings, currency: invoice.currency });
  const bands = taxBands(invoice.lines, invoice.taxMode);
  const address = customer?.addresses[0] ?? invoice.shippingAddress;
  return (
    <div className="invoice-screen" role="dialog" aria-label={`Invoice ${invoice.number}`}>
      <div className="row no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <article className="invoice">
        <header className="invoice-head">
          <div>
            <h1>{settings.shopName}</h1>
            <AddressLines address={settings.address} />
            {settings.phone && <div>{settings.phone}</div>}
            {settings.email && <div>{settings.email}</div>}
            {settings.taxNumber && <div>Tax number: {settings.taxNumber}</div>}
          </div>
          <div className="invoice-meta">
            <h2>{invoice.kind === "refund" ? "Credit note" : "Invoice"}</h2>
            <div>No. {invoice.number}</div>
            <div>Date: {format.date(invoice.date)}</div>
          </div>
        </header>
        <section className="invoice-to" aria-label="Billed to">
          <strong>{customer?.name ?? address?.name ?? invoice.email ?? "Customer"}</strong>
          <AddressLines address={address} />
          {customer?.taxNumber && <div>Tax number: {customer.taxNumber}</div>}
        </section>
        <table className="invoice-lines">
          <thead>
            <tr>
              <th>Item</th>
              <th className="num">Qty</th>
              <th className="num">Unit price</th>
              <th className="num">Tax</th>
              <th className="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((l) => (
              <tr key={l.id}>
                <td>
                  {l.name} <span className="muted">({l.sku})</span>
                  {l.discount !== 0 && <div className="muted">Discount −{format.money(l.discount)}</div>}
                </td>
                <td className="num">{format.number(l.qty)}</td>
                <td className="num">{format.money(l.unitPrice)}</td>
                <td className="num">{percentText(l.taxRate, settings.locale)}</td>
                <td className="num">{format.money(l.total)}</td>
              </tr>
            ))}
            {invoice.shipping > 0 && (
              <tr>
                <td>Shipping</td>
                <td colSpan={3} />
                <td className="num">{format.money(invoice.shipping)}</td>
              </tr>
            )}
          </tbody>
        </table>
        <table className="invoice-tax" aria-label="Tax per rate">
          <thead>
            <tr>
              <th>Rate</th>
              <th className="num">Net</th>
              <th className="num">Tax</th>
              <th className="num">Gross</th>
            </tr>
          </thead>
          <tbody>
            {bands.map((b) => (
              <tr key={b.rate}>
                <td>{percentText(b.rate, settings.locale)}</td>
                <td className="num">{format.money(b.net)}</td>
                <td className="num">{format.money(b.tax)}</td>
                <td className="num">{format.money(b.gross)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="invoice-total">
          Total {format.money(invoice.total)} · of which tax {format.money(invoice.taxTotal)}
          {invoice.taxMode === "inclusive" ? " (prices include tax)" : ""}
        </p>
        {settings.receiptFooter && <footer className="muted">{settings.receiptFooter}</footer>}
      </article>
    </div>
  );
}
