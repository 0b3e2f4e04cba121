import { Alert, Dialog } from "@countertop/ui";
import { useState } from "react";
import { api, messageOf } from "../app/api";
import { formatDate, formatDateTime } from "../app/format";
import type { TenantDetail } from "../app/types";

type Asking = "suspend" | "close" | undefined;

/** A shop's standing and what the owner can do about it: suspend (with a reason its manager sees), activate, close with a grace period, restore. */
export function StandingPanel({ shop, onChanged }: { shop: TenantDetail; onChanged: () => void }) {
  const [asking, setAsking] = useState<Asking>();
  const [reason, setReason] = useState("");
  const [graceDays, setGraceDays] = useState(30);
  const [confirmSlug, setConfirmSlug] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const act = async (path: string, body?: unknown) => {
    setBusy(true);
    setError(undefined);
    try {
      await api("POST", `/api/v1/admin/tenants/${shop.id}/${path}`, body);
      setAsking(undefined);
      setReason("");
      setConfirmSlug("");
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={`panel standing standing-${shop.status}`} aria-labelledby="standing-title">
      <div className="panel-head">
        <h2 id="standing-title">Standing</h2>
        <div className="controls">
          {shop.status === "active" && (
            <>
              <button type="button" className="danger" onClick={() => (setError(undefined), setAsking("suspend"))}>
                Suspend…
              </button>
              <button type="button" onClick={() => (setError(undefined), setAsking("close"))}>
                Close shop…
              </button>
            </>
          )}
          {shop.status === "suspended" && (
            <button type="button" className="primary" disabled={busy} onClick={() => void act("activate")}>
              Activate
            </button>
          )}
          {shop.status === "closed" && (
            <button type="button" className="primary" disabled={busy} onClick={() => void act("restore")}>
              Restore
            </button>
          )}
        </div>
      </div>
      {shop.status === "active" && <p>Active: its tills, managers and storefront work.</p>}
      {shop.status === "suspended" && (
        <p>
          Suspended{shop.statusChangedAt ? ` since ${formatDateTime(shop.statusChangedAt)}` : ""}. Its managers, tills and storefront are
          refused; sales its tills still push are kept and flagged.{" "}
          {shop.statusReason ? (
            <>
              Reason its manager sees: <strong>{shop.statusReason}</strong>
            </>
          ) : (
            "No reason was given."
          )}
        </p>
      )}
      {shop.status === "closed" && (
        <p>
          Closed{shop.statusReason ? ` (${shop.statusReason})` : ""}. Its data will be deleted on{" "}
          <strong>{shop.deleteAfter ? formatDate(shop.deleteAfter) : "—"}</strong> unless it is restored before then. Export it first if it
          is to be kept.
        </p>
      )}
      {shop.status === "deleted" && <p>Deleted: its data is gone; its audit trail stays.</p>}
      {!asking && <Alert message={error} />}

      {asking === "suspend" && (
        <Dialog
          title={`Suspend ${shop.name}?`}
          onSubmit={() => void act("suspend", { reason: reason.trim() || undefined })}
          onCancel={() => setAsking(undefined)}
          actions={
            <button className="danger" disabled={busy}>
              {busy ? "Suspending…" : "Suspend shop"}
            </button>
          }
        >
          <p>Its managers, tills and storefront are refused from their next request. Sales its tills still push are kept and flagged.</p>
          <label>
            Reason (the shop's manager sees it when signing in)
            <textarea maxLength={500} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <Alert message={error} />
        </Dialog>
      )}
      {asking === "close" && (
        <Dialog
          title={`Close ${shop.name}?`}
          onSubmit={() => void act("close", { reason: reason.trim() || undefined, graceDays })}
          onCancel={() => setAsking(undefined)}
          actions={
            <button className="danger" disabled={busy || confirmSlug !== shop.slug}>
              {busy ? "Closing…" : "Close shop"}
            </button>
          }
        >
          <p>
            The shop stops at once. After the grace period all its data is deleted; until then it can be restored. Export its data first if
            it is to be kept.
          </p>
          <label>
            Reason
            <input maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <label>
            Days before its data is deleted
            <input type="number" min={0} max={365} value={graceDays} onChange={(e) => setGraceDays(Number(e.target.value))} />
          </label>
          <label>
            Type <code>{shop.slug}</code> to confirm
            <input value={confirmSlug} onChange={(e) => setConfirmSlug(e.target.value)} autoComplete="off" />
          </label>
          <Alert message={error} />
        </Dialog>
      )}
    </section>
  );
}
