import type { Customer, Order, Sale } from "@countertop/sync-protocol";
import { Alert, Dialog, shopFormat, useDocuments, useObservable } from "@countertop/ui";
import { useMemo, useState } from "react";
import { map } from "rxjs";
import { live, type ManagerWrite } from "../../data/local-db";
import { invoiceOfOrder, invoiceOfSale, type InvoiceData } from "../invoices/invoice";
import { InvoiceView } from "../invoices/InvoiceView";
import type { ManagerContext } from "../manager-context";
import { CountingNote } from "../reports/CountingNote";
import { customerDocuments } from "../reports/report-store";
import { PendingBadge } from "../shared/PendingBadge";
import { saveWrites } from "../shared/write";

const FIELDS = [
  ["name", "Name"],
  ["email", "Email"],
  ["phone", "Phone"],
  ["taxNumber", "Tax number (business customers)"],
  ["note", "Note"],
] as const;

/** One customer: edit their details and address, see their sales and orders (with invoices), merge a duplicate into them. */
export function CustomerDetail({
  context,
  customer,
  customers,
  pending,
  onClose,
}: {
  context: ManagerContext;
  customer: Customer;
  customers: readonly Customer[];
  pending: ManagerWrite | undefined;
  onClose: () => void;
}) {
  const merged = customers.filter((c) => c.mergedInto === customer.id).map((c) => c.id);
  const ids = [customer.id, ...merged];
  const { sales, orders } = useCustomerHistory(context, ids);
  const [form, setForm] = useState<Record<string, string>>(() => Object.fromEntries(FIELDS.map(([k]) => [k, String(customer[k] ?? "")])));
  const [address, setAddress] = useState(
    () => customer.addresses[0] ?? { name: customer.name, line1: "", city: "", postalCode: "", country: "" },
  );
  const [merging, setMerging] = useState(false);
  const [invoice, setInvoice] = useState<InvoiceData>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const format = shopFormat(context.settings);

  const save = async () => {
    if (!form.name?.trim()) return setError("A customer needs a name.");
    const hasAddress = address.line1.trim() && address.city.trim() && address.postalCode.trim() && /^[A-Z]{2}$/.test(address.country);
    if (address.line1.trim() && !hasAddress)
      return setError("Complete the address: street, postal code, city and a two-letter country code (DE).");
    const next: Customer = {
      ...customer,
      updatedAt: new Date().toISOString(),
      addresses: hasAddress ? [{ ...address, name: form.name.trim() }, ...customer.addresses.slice(1)] : customer.addresses,
    };
    for (const [key] of FIELDS) {
      const value = form[key]?.trim() ?? "";
      if (value) (next as Record<string, unknown>)[key] = value;
      else delete (next as Record<string, unknown>)[key];
    }
    const refusal = await saveWrites(context, "customers", [{ before: customer, after: next, summary: `Edit customer ${next.name}` }]);
    setError(refusal);
    if (!refusal) setSaved("Saved: it shows as pending until the server has it.");
  };
  const merge = async (duplicate: Customer) => {
    setMerging(false);
    setError(
      await saveWrites(context, "customers", [
        {
          before: duplicate,
          after: { ...duplicate, mergedInto: customer.id, updatedAt: new Date().toISOString() },
          summary: `Merge ${duplicate.name} into ${customer.name}`,
        },
      ]),
    );
  };

  if (invoice) return <InvoiceView context={context} invoice={invoice} customer={customer} onClose={() => setInvoice(undefined)} />;
  return (
    <section aria-label={`Customer ${customer.name}`} className="grid-gap">
      <div className="row wrap">
        <h2 className="grow">
          {customer.name} <PendingBadge write={pending} />
        </h2>
        <button type="button" onClick={() => setMerging(true)}>
          Merge a duplicate into this customer
        </button>
        <button type="button" onClick={onClose}>
          Back to the list
        </button>
      </div>
      {customer.mergedInto && <p className="notice">This customer was merged into another; their sales show under that one.</p>}
      <div className="settings-grid">
        {FIELDS.map(([key, label]) => (
          <label key={key}>
            {label}
            <input value={form[key] ?? ""} onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} />
          </label>
        ))}
        <label>
          Street
          <input value={address.line1} onChange={(e) => setAddress({ ...address, line1: e.target.value })} />
        </label>
        <label>
          Postal code
          <input value={address.postalCode} onChange={(e) => setAddress({ ...address, postalCode: e.target.value })} />
        </label>
        <label>
          City
          <input value={address.city} onChange={(e) => setAddress({ ...address, city: e.target.value })} />
        </label>
        <label>
          Country (two letters)
          <input
            value={address.country}
            maxLength={2}
            onChange={(e) => setAddress({ ...address, country: e.target.value.toUpperCase() })}
          />
        </label>
      </div>
      <Alert message={error} />
      {saved && <p role="status">{saved}</p>}
      <button type="button" className="primary" onClick={() => void save()}>
        Save customer
      </button>
      <h3>Sales and orders</h3>
      <CountingNote local={context.local} number={format.number} />
      {!sales || !orders ? (
        <p className="muted">Finding their sales and orders…</p>
      ) : (
        sales.length + orders.length === 0 && <p className="muted">None in this till's data (it keeps 90 days of sales).</p>
      )}
      <ul className="list" aria-label="Customer's sales and orders">
        {(sales ?? []).map((s) => (
          <li key={s.id} className="list-item static">
            <span>
              {s.kind === "refund" ? "Refund" : "Sale"} {s.number}
            </span>
            <span className="muted">
              {format.dateTime(s.createdAt)} · {format.money(s.total)}
            </span>
            <button type="button" onClick={() => setInvoice(invoiceOfSale(s))}>
              Invoice
            </button>
          </li>
        ))}
        {(orders ?? []).map((o) => (
          <li key={o.id} className="list-item static">
            <span>Online order {o.number}</span>
            <span className="muted">
              {format.dateTime(o.createdAt)} · {format.money(o.total)} · {o.status}
            </span>
            <button type="button" onClick={() => setInvoice(invoiceOfOrder(o))}>
              Invoice
            </button>
          </li>
        ))}
      </ul>
      {merging && (
        <Dialog title={`Merge into ${customer.name}`} layout="wide" onCancel={() => setMerging(false)}>
          <p className="muted">
            The duplicate stays, marked as merged; its sales and orders show under {customer.name}. No sale is rewritten.
          </p>
          <ul className="list">
            {customers
              .filter((c) => c.id !== customer.id && !c.mergedInto)
              .slice(0, 50)
              .map((c) => (
                <li key={c.id} className="list-item static">
                  <span>{c.name}</span>
                  <span className="muted small">{[c.email, c.phone].filter(Boolean).join(" · ")}</span>
                  <button type="button" onClick={() => void merge(c)}>
                    Merge
                  </button>
                </li>
              ))}
          </ul>
        </Dialog>
      )}
    </section>
  );
}

/**
 * A customer's sales (newest first) and orders in the till's data: their ids from the report store
 * (the replica has no index on a sale's customer, and a query there would read every sale of the
 * window), the documents by id from the replica. `undefined` while read.
 */
function useCustomerHistory(context: ManagerContext, ids: readonly string[]): { sales?: Sale[]; orders?: Order[] } {
  const db = context.replica.db;
  const key = ids.join();
  const refs = useObservable(() => live(() => customerDocuments(context.local, ids)), [context.local, key]);
  const sales = useDocuments<Sale>(() => refs && db.sales.findByIds(refs.sales).$.pipe(map((found) => [...found.values()])), [db, refs]);
  const orders = useDocuments<Order>(
    () => refs && db.orders.findByIds(refs.orders).$.pipe(map((found) => [...found.values()])),
    [db, refs],
  );
  return useMemo(
    () => ({
      ...(sales ? { sales: [...sales].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) } : {}),
      ...(orders ? { orders } : {}),
    }),
    [sales, orders],
  );
}
