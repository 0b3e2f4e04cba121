import { useState } from "react";
import { useCustomers } from "../../data/customer-store";
import type { ManagerContext } from "../manager-context";
import { PendingBadge } from "../shared/PendingBadge";
import { usePending } from "../shared/use-pending";
import { CustomerDetail } from "./CustomerDetail";

/** Customers: search by name, email or phone; open one to edit, see their sales and orders, merge a duplicate. */
export function CustomersPanel({ context }: { context: ManagerContext }) {
  const db = context.replica.db;
  const { loaded, index } = useCustomers(db);
  const pending = usePending(context, "customers");
  const [search, setSearch] = useState("");
  const [open, setOpen] = useState<string>();
  const [limit, setLimit] = useState(100);
  const live = index.customers;
  const shown = index.find(search);
  if (!loaded) return <p className="muted">Reading the shop&apos;s customers…</p>;
  const current = live.find((c) => c.id === open);
  if (current)
    return (
      <CustomerDetail
        context={context}
        customer={current}
        customers={live}
        pending={pending.get(current.id)}
        onClose={() => setOpen(undefined)}
      />
    );
  return (
    <section aria-label="Customers" className="grid-gap">
      <input
        type="search"
        aria-label="Search customers"
        placeholder="Name, email or phone"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {shown.length === 0 && (
        <p className="muted">{live.length === 0 ? "No customers yet: tills and the shop add them." : "No customer matches."}</p>
      )}
      <ul className="list" aria-label="Customer list">
        {shown.slice(0, limit).map((c) => (
          <li key={c.id}>
            <button type="button" className="list-item static person-row" aria-label={c.name} onClick={() => setOpen(c.id)}>
              <span className="product-row-text">
                <strong>{c.name}</strong>
                <span className="muted small">{[c.email, c.phone].filter(Boolean).join(" · ") || "no contact"}</span>
              </span>
              {c.mergedInto ? <span className="badge muted">Merged</span> : <span />}
              <PendingBadge write={pending.get(c.id)} />
            </button>
          </li>
        ))}
      </ul>
      {shown.length > limit && (
        <button type="button" onClick={() => setLimit((n) => n + 100)}>
          Show more
        </button>
      )}
    </section>
  );
}
