import type { Address, Customer, Order, Settings } from "@countertop/sync-protocol";
import { Alert, moneyFormatter, useDocument, useDocuments } from "@countertop/ui";
import { useEffect, useState, type FormEvent } from "react";
import { STATUS_LABEL } from "../checkout/OrderPage";
import { Link, shopHref } from "../shop/router";
import { AccountError, confirmAccount, register, signIn, signOut, type AccountDatabase, type ShopAccount } from "./account";

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

/** The token of a sign-up link (`…/account?confirm=…`) this page was opened with, if any. */
const confirmToken = () => new URLSearchParams(location.search).get("confirm") ?? undefined;

const problem = (e: unknown) => (e instanceof AccountError ? e.message : "Something went wrong. Try again in a moment.");

function SignIn({ slug, online }: { slug: string; online: boolean }) {
  const [mode, setMode] = useState<"sign-in" | "register">("sign-in");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const [token] = useState(confirmToken);
  // Opened from the emailed link: finish the sign-up (once online), then the page shows the account.
  useEffect(() => {
    if (!token || !online) return;
    setBusy(true);
    confirmAccount(slug, token)
      .then(() => history.replaceState(null, "", shopHref("/account")))
      .catch((e: unknown) => (setError(problem(e)), setBusy(false)));
  }, [slug, token, online]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (mode === "register") {
        await register(slug, { name, email, password });
        setSentTo(email);
      } else await signIn(slug, { email, password });
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };
  if (token && !error) {
    return (
      <main className="page narrow">
        <h1>Finishing your account…</h1>
        {!online && <p className="warn">This needs a connection; it continues as soon as you are back online.</p>}
      </main>
    );
  }
  if (sentTo) {
    return (
      <main className="page narrow">
        <h1>Check your inbox</h1>
        <p>
          We sent an email to <strong>{sentTo}</strong>. Open the link in it to finish creating your account; it works for 24 hours.
        </p>
        <p className="muted">Nothing there? Look in your spam folder, or check the address and try again.</p>
        <button type="button" className="linkish" onClick={() => (setSentTo(undefined), setMode("sign-in"))}>
          Back to sign in
        </button>
      </main>
    );
  }
  const registering = mode === "register";
  return (
    <main className="page narrow">
      <h1>{registering ? "Create your account" : "Sign in"}</h1>
      <p className="muted">
        {registering
          ? "Follow your orders as the shop prepares them, and check out faster."
          : "See your orders and check out with your saved details."}
      </p>
      <form className="checkout" onSubmit={(e) => void submit(e)}>
        {registering && (
          <label>
            Name
            <input required autoComplete="name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        )}
        <label>
          Email
          <input type="email" required autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input
            type="password"
            required
            minLength={registering ? 8 : 1}
            autoComplete={registering ? "new-password" : "current-password"}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={registering ? "password-hint" : undefined}
          />
          {registering && (
            <span id="password-hint" className="hint">
              At least 8 characters.
            </span>
          )}
        </label>
        <Alert message={error} />
        {!online && <p className="warn">Signing in needs a connection. You can keep browsing and filling your cart.</p>}
        <button className="primary big" disabled={busy || !online}>
          {busy ? "One moment…" : registering ? "Create account" : "Sign in"}
        </button>
      </form>
      <p>
        {registering ? "Already have an account? " : "New here? "}
        <button type="button" className="linkish" onClick={() => (setMode(registering ? "sign-in" : "register"), setError(undefined))}>
          {registering ? "Sign in" : "Create an account"}
        </button>
      </p>
    </main>
  );
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
                <span className="muted">{new Date(o.createdAt).toLocaleDateString(settings.locale)}</span>
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
