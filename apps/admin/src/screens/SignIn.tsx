import { Alert } from "@countertop/ui";
import { useState, type FormEvent } from "react";
import { api, messageOf } from "../app/api";
import type { Session } from "../app/session";

interface SignedIn {
  readonly role: "owner" | "manager";
  readonly token: string;
  readonly expiresAt: string;
}

/** The platform owner signs in with email and password; a forgotten password gets an emailed link. */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [forgot, setForgot] = useState(false);
  const [sent, setSent] = useState(false);

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<SignedIn>("POST", "/api/v1/auth/login", { email, password });
      if (answer.role !== "owner") {
        void fetch("/api/v1/auth/logout", { method: "POST", headers: { authorization: `Bearer ${answer.token}` } }).catch(() => undefined);
        setError("This console is for the platform's owners. Shop managers sign in on their till at /pos/.");
        return;
      }
      onSignedIn({ token: answer.token, email: email.toLowerCase(), expiresAt: answer.expiresAt });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const requestLink = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api("POST", "/api/v1/auth/password-reset", { email });
      setSent(true);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center">
      {forgot ? (
        <form className="card form" onSubmit={(e) => void requestLink(e)} aria-labelledby="forgot-title">
          <h1 id="forgot-title">Reset your password</h1>
          {sent ? (
            <p role="status">
              If <strong>{email}</strong> has an account, a link to choose a new password is on its way. It works once, for one hour.
            </p>
          ) : (
            <>
              <p className="muted">We'll email you a link to choose a new password.</p>
              <label>
                Email
                <input type="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
              </label>
              <Alert message={error} />
              <button className="primary big" disabled={busy}>
                {busy ? "Sending…" : "Email me a link"}
              </button>
            </>
          )}
          <button type="button" className="link" onClick={() => (setForgot(false), setSent(false))}>
            Back to sign-in
          </button>
        </form>
      ) : (
        <form className="card form" onSubmit={(e) => void signIn(e)} aria-labelledby="sign-in-title">
          <h1 id="sign-in-title">Countertop Platform</h1>
          <p className="muted">Sign in as a platform owner to run the shops, their plans and the platform's health.</p>
          <label>
            Email
            <input type="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            Password
            <input
              type="password"
              required
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <Alert message={error} />
          <button className="primary big" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
          <button type="button" className="link" onClick={() => setForgot(true)}>
            Forgot your password?
          </button>
        </form>
      )}
    </main>
  );
}
