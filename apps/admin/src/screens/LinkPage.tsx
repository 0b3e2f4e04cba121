import { Alert, Message } from "@countertop/ui";
import { useEffect, useState, type FormEvent } from "react";
import { api, messageOf } from "../app/api";
import { navigate } from "../app/router";

interface LinkInfo {
  readonly purpose: "reset" | "invite";
  readonly role: "owner" | "manager";
  readonly email: string;
  readonly name: string;
  readonly shop?: { readonly name: string; readonly slug: string };
}

/** The token of an emailed link: after `#token=`, so it never reaches a server log or a Referer. */
function tokenOfPage(): string {
  return new URLSearchParams(location.hash.slice(1)).get("token") ?? "";
}

/** An emailed link's page: a platform owner or a shop manager chooses a password (reset or invitation). */
export default function LinkPage() {
  const [token] = useState(tokenOfPage);
  const [info, setInfo] = useState<LinkInfo>();
  const [problem, setProblem] = useState<string>();
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (!token) return setProblem("This page needs the whole link from your email. Open it again from the email.");
    api<LinkInfo>("POST", "/api/v1/links/inspect", { token })
      .then(setInfo)
      .catch((e: unknown) => setProblem(messageOf(e)));
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== again) return setError("The two passwords are not the same.");
    setBusy(true);
    setError(undefined);
    try {
      await api("POST", "/api/v1/links/redeem", { token, password });
      history.replaceState(null, "", location.pathname);
      setDone(true);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (problem) return <Message title="This link can't be used" text={problem} />;
  if (!info) return <Message title="Opening your link…" />;
  if (done) {
    return (
      <main className="center">
        <section className="card form">
          <h1>Your password is set</h1>
          {info.role === "owner" ? (
            <button className="primary big" onClick={() => navigate("/", { replace: true })}>
              Sign in to the console
            </button>
          ) : (
            <>
              <p>
                Sign in as <strong>{info.email}</strong> on a till of {info.shop?.name} to set it up.
              </p>
              <a className="button primary big" href="/pos/">
                Open the till
              </a>
            </>
          )}
        </section>
      </main>
    );
  }
  return (
    <main className="center">
      <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="link-title">
        <h1 id="link-title">{info.purpose === "invite" ? `Welcome, ${info.name}` : "Choose a new password"}</h1>
        <p className="muted">
          {info.purpose === "invite"
            ? `Choose a password to ${info.role === "owner" ? "run the Countertop platform" : `manage ${info.shop?.name ?? "your shop"}`}.`
            : `For ${info.email}${info.shop ? ` at ${info.shop.name}` : ""}. Every place you are signed in will be signed out.`}
        </p>
        <input type="email" hidden readOnly autoComplete="username" value={info.email} />
        <label>
          New password
          <input
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label>
          The same again
          <input
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
        </label>
        <p className="muted small">At least 10 characters.</p>
        <Alert message={error} />
        <button className="primary big" disabled={busy}>
          {busy ? "Saving…" : "Set password"}
        </button>
      </form>
    </main>
  );
}
