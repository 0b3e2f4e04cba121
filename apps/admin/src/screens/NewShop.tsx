import { Alert } from "@countertop/ui";
import { useEffect, useState, type FormEvent } from "react";
import { api, messageOf } from "../app/api";
import { Link } from "../app/Link";
import type { Plan } from "../app/types";
import { useLoad } from "../app/use-load";
import { ShopCreated, type Created } from "../shops/ShopCreated";

const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CZK", "CAD", "AUD", "JPY"];
const LOCALES = [
  ["de-DE", "German (Germany)"],
  ["en-GB", "English (UK)"],
  ["en-US", "English (US)"],
  ["fr-FR", "French (France)"],
  ["nl-NL", "Dutch (Netherlands)"],
  ["it-IT", "Italian (Italy)"],
  ["es-ES", "Spanish (Spain)"],
  ["sv-SE", "Swedish (Sweden)"],
] as const;

/** A slug from a shop's name: "Café Müller" → "cafe-muller". */
export function slugFrom(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 41);
}

type SlugState = { state: "idle" } | { state: "checking" } | { state: "free" } | { state: "taken"; reason: string };

/** Whether a slug is free, asked as the owner types (after a short pause). */
function useSlugCheck(slug: string): SlugState {
  const [check, setCheck] = useState<SlugState>({ state: "idle" });
  useEffect(() => {
    if (!slug) return setCheck({ state: "idle" });
    setCheck({ state: "checking" });
    let current = true;
    const timer = setTimeout(() => {
      api<{ available: boolean; reason?: string }>("GET", `/api/v1/admin/tenants/slug-check?slug=${encodeURIComponent(slug)}`)
        .then(
          (answer) =>
            current && setCheck(answer.available ? { state: "free" } : { state: "taken", reason: answer.reason ?? "not available" }),
        )
        .catch(() => current && setCheck({ state: "idle" }));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [slug]);
  return check;
}

/** Creating a shop in under a minute: its name and address, money and language, its first manager, and a starter catalog. */
export function NewShop() {
  const plans = useLoad(() => api<{ plans: Plan[] }>("GET", "/api/v1/admin/plans"), "plans");
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [currency, setCurrency] = useState("EUR");
  const [locale, setLocale] = useState("de-DE");
  const [planId, setPlanId] = useState("starter");
  const [managerEmail, setManagerEmail] = useState("");
  const [managerName, setManagerName] = useState("");
  const [access, setAccess] = useState<"one_time" | "invite" | "password">("one_time");
  const [password, setPassword] = useState("");
  const [catalog, setCatalog] = useState<"empty" | "demo">("empty");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<Created>();
  const check = useSlugCheck(slug);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (check.state === "taken") return setError(`The slug can't be used: ${check.reason}.`);
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<Created>("POST", "/api/v1/admin/tenants", {
        name,
        slug,
        currency,
        locale,
        planId,
        managerEmail,
        ...(managerName.trim() ? { managerName: managerName.trim() } : {}),
        ...(access === "password" ? { managerPassword: password } : access === "invite" ? { invite: true } : {}),
        catalog,
      });
      setCreated({ ...answer, name, managerEmail });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (created) return <ShopCreated created={created} />;
  return (
    <>
      <div className="page-head">
        <h1>New shop</h1>
        <Link to="/shops">Back to shops</Link>
      </div>
      <form className="panel form-grid" onSubmit={(e) => void submit(e)} aria-label="New shop">
        <fieldset>
          <legend>The shop</legend>
          <label>
            Name
            <input
              required
              maxLength={120}
              value={name}
              onChange={(e) => (setName(e.target.value), !slugEdited && setSlug(slugFrom(e.target.value)))}
            />
          </label>
          <label>
            Slug
            <span className="with-prefix">
              <span className="prefix">/shop/</span>
              <input
                required
                maxLength={41}
                pattern="[a-z0-9][a-z0-9\-]{1,40}"
                value={slug}
                aria-describedby="slug-state"
                onChange={(e) => (setSlug(e.target.value.toLowerCase()), setSlugEdited(true))}
              />
            </span>
            <span
              id="slug-state"
              className={`hint ${check.state === "taken" ? "bad" : check.state === "free" ? "good" : ""}`}
              role="status"
            >
              {check.state === "checking" && "Checking…"}
              {check.state === "free" && `✓ ${slug} is free`}
              {check.state === "taken" && `✗ ${check.reason}`}
              {check.state === "idle" && "Lowercase letters, digits and dashes: the shop's address."}
            </span>
          </label>
          <div className="two">
            <label>
              Currency
              <select value={currency} onChange={(e) => setCurrency(e.target.value)}>
                {CURRENCIES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            <label>
              Language and formats
              <select value={locale} onChange={(e) => setLocale(e.target.value)}>
                {LOCALES.map(([tag, label]) => (
                  <option key={tag} value={tag}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label>
            Plan
            <select value={planId} onChange={(e) => setPlanId(e.target.value)}>
              {(plans.data?.plans ?? [{ id: "starter", name: "Starter" }]).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>The first manager</legend>
          <label>
            Email
            <input type="email" required maxLength={254} value={managerEmail} onChange={(e) => setManagerEmail(e.target.value)} />
          </label>
          <label>
            <span>
              Name <span className="muted">(optional)</span>
            </span>
            <input maxLength={120} value={managerName} onChange={(e) => setManagerName(e.target.value)} />
          </label>
          <div role="radiogroup" aria-label="How the manager gets in" className="choices">
            <span className="label">How the manager gets in</span>
            <label className="choice">
              <input type="radio" name="access" checked={access === "one_time"} onChange={() => setAccess("one_time")} />A one-time
              password, shown once here
            </label>
            <label className="choice">
              <input type="radio" name="access" checked={access === "invite"} onChange={() => setAccess("invite")} />
              Email an invitation link (works for 7 days)
            </label>
            <label className="choice">
              <input type="radio" name="access" checked={access === "password"} onChange={() => setAccess("password")} />
              Type a password
            </label>
          </div>
          {access === "password" && (
            <label>
              Password
              <input
                type="password"
                required
                minLength={10}
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
          )}
          <div role="radiogroup" aria-label="Starter catalog" className="choices">
            <span className="label">Starter catalog</span>
            <label className="choice">
              <input type="radio" name="catalog" checked={catalog === "empty"} onChange={() => setCatalog("empty")} />
              Empty
            </label>
            <label className="choice">
              <input type="radio" name="catalog" checked={catalog === "demo"} onChange={() => setCatalog("demo")} />
              The demo café (about 60 products with pictures and stock)
            </label>
          </div>
        </fieldset>
        <div className="form-end">
          <Alert message={error} />
          <button className="primary big" disabled={busy || check.state === "taken"}>
            {busy ? "Creating…" : "Create shop"}
          </button>
        </div>
      </form>
    </>
  );
}
