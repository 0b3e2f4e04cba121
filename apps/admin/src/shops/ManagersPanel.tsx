import { Alert } from "@countertop/ui";
import { useState } from "react";
import { api, messageOf } from "../app/api";
import type { TenantDetail } from "../app/types";

/** The shop's managers; the owner can email one a link to set a new password. */
export function ManagersPanel({ shop }: { shop: TenantDetail }) {
  const [sent, setSent] = useState<string>();
  const [error, setError] = useState<string>();
  const send = async (userId: string) => {
    setError(undefined);
    setSent(undefined);
    try {
      const answer = await api<{ email: string }>("POST", `/api/v1/admin/tenants/${shop.id}/managers/${userId}/reset-link`, {
        purpose: "reset",
      });
      setSent(answer.email);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <section className="panel" aria-labelledby="managers-title">
      <h2 id="managers-title">Managers</h2>
      {shop.managers.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list">
          {shop.managers.map((m) => (
            <li key={m.id}>
              <span>
                {m.name} <span className="muted">{m.email}</span> {m.disabled && <span className="badge badge-closed">Disabled</span>}
              </span>
              {!m.disabled && shop.status === "active" && (
                <button type="button" onClick={() => void send(m.id)}>
                  Email a password link
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {sent && <p role="status">A link to set a new password is on its way to {sent}.</p>}
      <Alert message={error} />
    </section>
  );
}
