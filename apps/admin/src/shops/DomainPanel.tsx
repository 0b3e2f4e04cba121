import { Alert } from "@countertop/ui";
import { useState } from "react";
import { api, messageOf } from "../app/api";
import { formatDateTime } from "../app/format";
import type { TenantDetail } from "../app/types";

/** The shop's own host name: set it, check that it reaches this server, remove it. */
export function DomainPanel({ shop, onChanged }: { shop: TenantDetail; onChanged: () => void }) {
  const [domain, setDomain] = useState(shop.domain ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [check, setCheck] = useState<{ verified: boolean; message: string }>();
  const call = async (run: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    setCheck(undefined);
    try {
      await run();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    call(async () => (await api("PUT", `/api/v1/admin/tenants/${shop.id}/domain`, { domain: domain.trim() || null }), onChanged()));
  const verify = () =>
    call(async () => {
      setCheck(await api<{ verified: boolean; message: string }>("POST", `/api/v1/admin/tenants/${shop.id}/domain/verify`));
      onChanged();
    });
  const remove = () =>
    call(async () => {
      if (!confirm(`Remove ${shop.domain} from ${shop.name}? The shop stays at /shop/${shop.slug}/.`)) return;
      await api("DELETE", `/api/v1/admin/tenants/${shop.id}/domain`);
      setDomain("");
      onChanged();
    });
  return (
    <section className="panel" aria-labelledby="domain-title">
      <h2 id="domain-title">Custom domain</h2>
      {shop.domain ? (
        <p>
          <strong>{shop.domain}</strong>{" "}
          {shop.domainVerifiedAt ? (
            <span className="badge badge-active">Verified {formatDateTime(shop.domainVerifiedAt)}</span>
          ) : (
            <span className="badge badge-suspended">Not verified</span>
          )}
        </p>
      ) : (
        <p className="muted">
          The shop answers at /shop/{shop.slug}/. Give it its own host name, and point that name's DNS at this server.
        </p>
      )}
      <form className="row" onSubmit={(e) => (e.preventDefault(), void save())}>
        <label className="grow">
          Host name
          <input placeholder="shop.example.com" value={domain} onChange={(e) => setDomain(e.target.value)} />
        </label>
        <button disabled={busy || domain.trim() === (shop.domain ?? "")}>Save</button>
      </form>
      {shop.domain && (
        <div className="row">
          <button type="button" className="primary" disabled={busy} onClick={() => void verify()}>
            {busy ? "Checking…" : "Verify"}
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
            Remove
          </button>
        </div>
      )}
      {check && (
        <p className={check.verified ? "ok-text" : "error"} role="status">
          {check.message}
        </p>
      )}
      <Alert message={error} />
    </section>
  );
}
