import { applyUpdate, useUpdateOffer } from "../app/update";
import { NeedsAttentionList, useNeedsAttention } from "../attention/NeedsAttentionList";
import type { LocalDatabase } from "../data/local-db";
import type { Replica } from "../data/replica";
import { documentsSoFar, firstSyncPercent, type FirstSyncProgress } from "../setup/first-sync-progress";
import { SpaceNotice, StorageNotice } from "./StorageNotice";
import type { SyncStatus } from "./use-sync-status";
import { useState } from "react";

/** What the sync pill says: one truth for the bar, whether the first sync is running or not. */
function syncLabel(status: SyncStatus, firstSync: FirstSyncProgress | undefined, time: (d: Date) => string): string {
  if (firstSync && !firstSync.complete) return `First sync: ${firstSyncPercent(firstSync)}\u00a0%`;
  if (status.follower) return "Synced by this till's other tab";
  if (status.pending === undefined) return "Checking sync…";
  if (status.pending > 0) return `${status.pending} ${status.pending === 1 ? "sale" : "sales"} waiting to sync`;
  return status.lastSync ? `All synced · ${time(status.lastSync)}` : "All synced";
}

/**
 * The sync state in the bar, and a panel with what is waiting, what needs attention (rows the
 * server refused or could not take, with its message) and what went wrong, if anything: offline
 * and an unreachable server are said calmly; red is kept for a server that refused.
 */
export function SyncBar({
  status,
  firstSync,
  staffName,
  onLock,
  attention,
  time = (d) => d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }),
}: {
  status: SyncStatus;
  firstSync?: FirstSyncProgress | undefined;
  staffName?: string | undefined;
  /** Writes a time the shop's way (its locale and time zone); the device's until the settings are in. */
  time?: ((at: Date) => string) | undefined;
  onLock?: (() => void) | undefined;
  attention?: { readonly replica: Replica; readonly local: LocalDatabase } | undefined;
}) {
  const { online, pendingSales, lastSync, error, standing } = status;
  const kept = useNeedsAttention(attention?.local)?.length ?? 0;
  const [panel, setPanel] = useState(false);
  const updateOffer = useUpdateOffer();
  return (
    <>
      <header className="bar">
        <span className="brand">Countertop</span>
        <span className="bar-right">
          <span className={`status status-${online ? "online" : "offline"}`} role="status" aria-live="polite">
            {online ? "Online" : "Offline"}
          </span>
          <button
            type="button"
            className="status status-button"
            data-testid="pending"
            onClick={() => setPanel(!panel)}
            aria-expanded={panel}
          >
            {syncLabel(status, firstSync, time)}
          </button>
          {kept > 0 && (
            <button type="button" className="status warn status-button" data-testid="needs-attention" onClick={() => setPanel(true)}>
              {kept} {kept === 1 ? "needs" : "need"} attention
            </button>
          )}
          <StorageNotice />
          <SpaceNotice />
          {updateOffer && (
            <button type="button" className="bar-button" onClick={applyUpdate}>
              New version — reload
            </button>
          )}
          {staffName && (
            <span className="who" title={staffName}>
              {staffName}
            </span>
          )}
          {onLock && (
            <button type="button" className="bar-button" onClick={onLock}>
              Lock
            </button>
          )}
        </span>
        {panel && (
          <section className="sync-panel" aria-label="Sync details">
            <h2>Sync</h2>
            <p>
              {online ? "Online." : "Offline: sales are kept on this till and sent when the network is back."}{" "}
              {lastSync ? `Last in sync at ${time(lastSync)}.` : ""}
            </p>
            {firstSync && !firstSync.complete && (
              <p>
                First sync: {firstSync.collections} of {firstSync.total} collections, {documentsSoFar(firstSync)} so far.
              </p>
            )}
            {pendingSales && pendingSales.length > 0 ? (
              <ul className="list">
                {pendingSales.map((s) => (
                  <li key={s.id} className="list-item static">
                    <span>{s.number}</span>
                    <span className="muted">{time(new Date(s.createdAt))}</span>
                    <span className="muted">{s.kind === "refund" ? "refund" : "sale"}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Nothing is waiting.</p>
            )}
            {attention && kept > 0 && (
              <>
                <h3>Needs attention</h3>
                <p className="muted small">
                  The server could not take these from this till. Nothing is lost: a sale can be fixed and sent again.
                </p>
                <NeedsAttentionList local={attention.local} replica={attention.replica} time={(at) => time(new Date(at))} />
              </>
            )}
            {error && error.kind !== "unreachable" && (
              <p className="error" role="alert">
                {error.message}
              </p>
            )}
            {error?.kind === "unreachable" && (
              <p className="notice" data-testid="sync-notice">
                {error.message}
              </p>
            )}
            <button type="button" onClick={() => setPanel(false)}>
              Close
            </button>
          </section>
        )}
      </header>
      {standing && (
        <p className="standing-notice" role="alert">
          {standing.message} Sales rung up now are kept and sent; nothing else syncs until then.
        </p>
      )}
    </>
  );
}
