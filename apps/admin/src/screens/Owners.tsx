import { Alert } from "@countertop/ui";
import { useState, type FormEvent } from "react";
import { api, messageOf } from "../app/api";
import { formatDate } from "../app/format";
import { useLoad } from "../app/use-load";

interface Owner {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

/** The platform's owners; another can be invited by an emailed link. */
export function Owners() {
  const owners = useLoad(() => api<{ owners: Owner[] }>("GET", "/api/v1/admin/owners"), "owners");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSent(undefined);
    try {
      await api("POST", "/api/v1/admin/owners", { email, name });
      setSent(email);
      setEmail("");
      setName("");
      owners.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <section className="panel" aria-labelledby="owners-title">
      <h2 id="owners-title">Platform owners</h2>
      <ul className="plain-list">
        {owners.data?.owners.map((o) => (
          <li key={o.id}>
            <span>
              {o.name} <span className="muted">{o.email}</span>
            </span>
            <span className="muted small">since {formatDate(o.createdAt)}</span>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={(e) => void invite(e)} aria-label="Invite an owner">
        <label className="grow">
          Name
          <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="grow">
          Email
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <button className="primary">Invite</button>
      </form>
      {sent && <p role="status">An invitation is on its way to {sent}. It works once, for seven days.</p>}
      <Alert message={error ?? owners.error} />
    </section>
  );
}
