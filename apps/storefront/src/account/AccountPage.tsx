import type { Address, Customer, Order, Settings } from "@countertop/sync-protocol";
import { Alert, moneyFormatter, shopFormat, useDocument, useDocuments } from "@countertop/ui";
import { useState, type FormEvent } from "react";
import { STATUS_LABEL } from "../checkout/OrderPage";
import { Link } from "../shop/router";
import type { ShopAccount } from "./account";
import { signOut, type AccountDatabase } from "./account-db";
import { SignIn } from "./SignIn";

/** Sign in or create an account; once signed in, the profile, addresses and order history. */
export function AccountPage(props: {
  slug: string;
  account: ShopAccount | null;
  db: AccountDatabase | undefined;
  settings: Settings;
  online: boolean;
}) {
  if (!props.account) return <SignIn slug={props.slug} online={props.online} />;
  if (!props.db) return <p className="page muted">Opening your account…</p>;
  return <Account {...props} account={props.account} db={props.db} />;
}

function Account({
  slug,
  account,
  db,
  settings,
  online,
}: {
  slug: string;
  account: ShopAccount;
  db: AccountDatabase;
  settings: Settings;
  online: boolean;
}) {
  const profile = useDocument<Customer>(() => db.customers.findOne(account.customerId).$, [db, account.customerId]);
  const orders = useDocuments<Order>(() => db.orders.find({ sort: [{ createdAt: "desc" }] }).$, [db]);
  const [leaving, setLeaving] = useState(false);
  return (
    <main className="page narrow">
      <div className="row">
        <h1>Hello, {profile?.name ?? account.name}</h1>
        <button type="button" disabled={leaving} onClick={() => (setLeaving(true), void signOut(slug))}>
          Sign out
        </button>
      </div>
      <section aria-labelledby="orders-title" className="panel">
        <h2 id="orders-title">Your orders</h2>
        {orders === undefined ? (
          <p className="muted">Loading your orders…</p>
        ) : orders.length === 0 ? (
          <p className="muted">
            No orders yet. <Link to="/">Browse the shop</Link>
          </p>
        ) : (
          <ul className="orders" data-testid="account-orders">
            {orders.map((o) => (
              <li key={o.id}>
                <Link to={`/order/${o.id}`}>Order {o.number}</Link>
                <span className="muted">{shopFormat(settings).date(o.createdAt)}</span>
                <span className={`badge status-${o.status}`}>{STATUS_LABEL[o.status] ?? o.status}</span>
                <span className="num">{moneyFormatter(o.currency, settings.locale)(o.total)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {profile ? <Profile db={db} profile={profile} online={online} /> : <p className="muted">Loading your profile…</p>}
    </main>
  );
}

const EMPTY_ADDRESS: Address = { name: "", line1: "", city: "", postalCode: "", country: "DE" };

/** Name, phone and saved addresses: edited in the browser's replica and pushed when online. */
function Profile({ db, profile, online }: { db: AccountDatabase; profile: Customer; online: boolean }) {
  const [name, setName] = useState(profile.name);
  const [phone, setPhone] = useState(profile.phone ?? "");
  const [draft, setDraft] = useState<Address>();
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<string>();
  const save = async (patch: Partial<Customer>, message: string) => {
    setError(undefined);
    try {
      const doc = await db.customers.findOne(profile.id).exec();
      await doc?.incrementalPatch({ ...patch, updatedAt: new Date().toISOString() });
      setSaved(online ? message : `${message} It goes to the shop when you're back online.`);
    } catch {
      setError("That could not be saved. Check the fields and try again.");
    }
  };
  const saveDetails = (event: FormEvent) => {
    event.preventDefault();
    void save({ name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : { phone: undefined }) }, "Details saved.");
  };
  const saveAddress = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    void save({ addresses: [...profile.addresses, draft].slice(0, 20) }, "Address saved.").then(() => setDraft(undefined));
  };
  const removeAddress = (index: number) => {
    const a = profile.addresses[index];
    if (a && window.confirm(`Remove the address ${a.line1}, ${a.city}?`))
      void save({ addresses: profile.addresses.filter((_, i) => i !== index) }, "Address removed.");
  };
  return (
    <>
      <section aria-labelledby="details-title" className="panel">
        <h2 id="details-title">Your details</h2>
        <form className="checkout" onSubmit={saveDetails}>
          <label>
            Name
            <input required maxLength={200} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Email
            <input type="email" value={profile.email ?? ""} readOnly aria-readonly="true" />
          </label>
          <label>
            Phone
            <input
              type="tel"
              autoComplete="tel"
              pattern="[0-9+()\-. ]{3,40}"
              title="Digits, spaces and + ( ) - ."
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          </label>
          <button className="primary">Save details</button>
        </form>
      </section>
      <section aria-labelledby="addresses-title" className="panel">
        <h2 id="addresses-title">Addresses</h2>
        {profile.addresses.length === 0 && <p className="muted">No saved addresses. Add one to check out faster.</p>}
        <ul className="addresses">
          {profile.addresses.map((a, i) => (
            <li key={`${a.line1}-${i}`}>
              <address>
                {a.name}, {a.line1}, {a.postalCode} {a.city}, {a.country}
              </address>
              <button type="button" onClick={() => removeAddress(i)} aria-label={`Remove address ${a.line1}, ${a.city}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        {draft ? (
          <form className="checkout" onSubmit={saveAddress} aria-label="New address">
            <AddressFields value={draft} onChange={setDraft} />
            <div className="row">
              <button className="primary">Save address</button>
              <button type="button" onClick={() => setDraft(undefined)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          profile.addresses.length < 20 && (
            <button type="button" onClick={() => setDraft({ ...EMPTY_ADDRESS, name: profile.name })}>
              Add an address
            </button>
          )
        )}
      </section>
      {saved && (
        <p className="ok" role="status">
          {saved}
        </p>
      )}
      <Alert message={error} />
    </>
  );
}

/** The fields of a postal address, labelled for autofill. */
export function AddressFields({ value, onChange }: { value: Address; onChange: (a: Address) => void }) {
  const field = (key: "name" | "line1" | "postalCode" | "city", label: string, autoComplete: string) => (
    <label>
      {label}
      <input required autoComplete={autoComplete} value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })} />
    </label>
  );
  return (
    <div className="address">
      {field("name", "Name", "name")}
      {field("line1", "Street and number", "address-line1")}
      {field("postalCode", "Postal code", "postal-code")}
      {field("city", "City", "address-level2")}
      <label>
        Country
        <input
          required
          autoComplete="country"
          maxLength={2}
          pattern="[A-Za-z]{2}"
          title="Two-letter country code, e.g. DE"
          value={value.country}
          onChange={(e) => onChange({ ...value, country: e.target.value.toUpperCase() })}
        />
      </label>
    </div>
  );
}
