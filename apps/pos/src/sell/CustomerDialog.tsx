import type { Customer } from "@countertop/sync-protocol";
import { useState } from "react";
import { uuidv7 } from "uuidv7";
import { useCustomers } from "../data/customer-store";
import { notSaved } from "../data/not-saved";
import type { PosDatabase } from "../data/replica";
import { Alert, Dialog } from "@countertop/ui";

/** Attach a customer to the sale: find one in the replica, or create one — offline too. */
export function CustomerDialog({
  db,
  onChoose,
  onCancel,
}: {
  db: PosDatabase;
  onChoose: (customer: Customer) => void;
  onCancel: () => void;
}) {
  // The shop's customers in memory (read in the background once, then kept current): a keystroke
  // searches them there, never the replica.
  const { loaded, index } = useCustomers(db);
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [error, setError] = useState<string>();
  const matches = query.trim() ? index.find(query).slice(0, 20) : index.customers.slice(0, 8);

  const create = async () => {
    if (!name.trim()) return setError("Enter the customer's name.");
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) return setError("That email address doesn't look right.");
    const now = new Date().toISOString();
    const customer = {
      id: uuidv7(),
      name: name.trim(),
      ...(email.trim() ? { email: email.trim().toLowerCase() } : {}),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      addresses: [],
      createdAt: now,
      updatedAt: now,
      _deleted: false,
    } as Customer;
    try {
      await db.customers.insert(customer);
    } catch (e) {
      return setError(notSaved({ failed: "The customer was not saved", kept: "What you typed is kept." }, e));
    }
    onChoose(customer);
  };

  return (
    <Dialog
      title={creating ? "New customer" : "Customer"}
      layout="wide"
      onCancel={creating ? undefined : onCancel}
      actions={
        creating ? (
          <>
            <button type="button" onClick={() => setCreating(false)}>
              Back
            </button>
            <button type="button" className="primary big" onClick={() => void create()}>
              Create and attach
            </button>
          </>
        ) : (
          <button type="button" className="primary big" onClick={() => (setCreating(true), setName(query))}>
            New customer
          </button>
        )
      }
    >
      {creating ? (
        <>
          <label>
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} />
          </label>
          <label>
            Email (optional)
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} />
          </label>
          <label>
            Phone (optional)
            <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={40} />
          </label>
          <Alert message={error} />
        </>
      ) : (
        <>
          <input
            type="search"
            placeholder="Name, email or phone"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-label="Find customer"
            autoFocus
          />
          {/* Names the search its list shows, changed in the same commit as the list (the POS bench times a keystroke by it). */}
          <div className="grid-gap" data-search={query}>
            {!loaded && (
              <p className="muted" role="status">
                Reading the shop&apos;s customers…
              </p>
            )}
            {matches.length === 0 ? (
              loaded && <p className="muted">{index.customers.length === 0 ? "No customers yet." : "No customer matches."}</p>
            ) : (
              <ul className="list">
                {matches.map((c) => (
                  <li key={c.id}>
                    <button type="button" className="list-item" onClick={() => onChoose(c)}>
                      <span>{c.name}</span>
                      <span className="muted">{c.email ?? c.phone ?? ""}</span>
                      <span />
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </Dialog>
  );
}
