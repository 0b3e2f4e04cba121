import { Alert } from "@countertop/ui";
import { useEffect, useState, type FormEvent } from "react";
import { shopHref } from "../shop/router";
import { AccountError, confirmAccount, register, signIn } from "./account";

/** The token of a sign-up link (`…/account?confirm=…`) this page was opened with, if any. */
const confirmToken = () => new URLSearchParams(location.search).get("confirm") ?? undefined;

const problem = (e: unknown) => (e instanceof AccountError ? e.message : "Something went wrong. Try again in a moment.");

/** Sign in, or ask for an account (finished from the emailed link, which opens this page again). */
export function SignIn({ slug, online }: { slug: string; online: boolean }) {
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
