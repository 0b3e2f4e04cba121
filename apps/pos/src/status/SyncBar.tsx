import { listPending } from "@countertop/replica";
import type { Sale } from "@countertop/sync-protocol";
import { useOnline } from "@countertop/ui";
import { useEffect, useState } from "react";
import { applyUpdate, useUpdateOffer } from "../app/update";
import { NeedsAttentionList, useNeedsAttention } from "../attention/NeedsAttentionList";
import type { LocalDatabase } from "../data/local-db";
import type { Replica } from "../data/replica";

/** What the cashier needs to trust the till: online or not, sales waiting to sync, the last sync. */
export function useSyncStatus(replica: Replica | undefined) {
  const online = useOnline();
  const [pendingSales, setPendingSales] = useState<Sale[]>();
  const [follower, setFollower] = useState(false);
  const [lastSync, setLastSync] = useState<Date>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!replica) return;
    let cancelled = false;
    // Counting reads the writes since the last confirmed push, so it runs when something changed:
    // a local sale, or a replication cycle that ended — not on a timer.
    let running = false;
    let again = false;
    const tick = async () => {
      if (running) return void (again = true);
      // Only the leader tab replicates (RxDB leader election); the others can't count, and say so.
      // While the election runs (just after a load) neither is known yet: wait for it.
      const elector = replica.db.multiInstance ? replica.db.leaderElector() : undefined;
      if (elector && !elector.isLeader) {
        // Asking takes a moment; by the answer this tab may have become the leader itself.
        const other = await elector.hasLeader();
        if (other && !elector.isLeader && !cancelled) setFollower(true);
        return;
      }
      setFollower(false);
      running = true;
      const waiting = (await listPending(replica.sync.states.sales).catch(() => [])) as Sale[];
      running = false;
      if (cancelled) return;
      setPendingSales(waiting);
      if (waiting.length === 0 && navigator.onLine) setLastSync(new Date());
      if (again) {
        again = false;
        void tick();
      }
    };
    void tick();
    void replica.db.waitForLeadership().then(() => void tick());
    // A new sale is waiting by definition: show it at once, and recount a little later (never in
    // the same moment as the next sale's write, and never postponed by a busy till).
    let settle: ReturnType<typeof setTimeout> | undefined;
    const writes = replica.db.sales.insert$.subscribe((event) => {
      const sale: Sale = event.documentData;
      setPendingSales((prev) => (prev && !prev.some((s) => s.id === sale.id) ? [...prev, sale] : prev));
      settle ??= setTimeout(() => {
        settle = undefined;
        void tick();
      }, 1500);
    });
    const cycles = replica.sync.active$.subscribe((active) => !active && void tick());
    const timer = setInterval(() => void tick(), 15_000);
    const errors = replica.sync.error$.subscribe((event) =>
      setError(event.error instanceof Error ? event.error.message : String(event.error)),
    );
    const ok = replica.sync.active$.subscribe((active) => !active && setError(undefined));
    return () => {
      cancelled = true;
      clearInterval(timer);
      clearTimeout(settle);
      writes.unsubscribe();
      cycles.unsubscribe();
      errors.unsubscribe();
      ok.unsubscribe();
    };
  }, [replica]);
  return { online, pending: pendingSales?.length, pendingSales, lastSync, error, follower };
}

/** Whether the browser will keep this till's data under storage pressure (it asked at start-up). */
function usePersisted(): boolean | undefined {
  const [persisted, setPersisted] = useState<boolean>();
  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);
  return persisted;
}

/**
 * The sync state in the bar, and a panel with what is waiting, what needs attention (rows the
 * server refused or could not take, with its message) and the last error.
 */
export function SyncBar({
  status,
  staffName,
  onLock,
  attention,
  time = (d) => d.toLocaleTimeString(),
}: {
  status: SyncStatus;
  staffName?: string | undefined;
  /** Writes a time the shop's way (its locale and time zone); the device's until the settings are in. */
  time?: ((at: Date) => string) | undefined;
  onLock?: (() => void) | undefined;
  attention?: { readonly replica: Replica; readonly local: LocalDatabase } | undefined;
}) {
  const { online, pending, pendingSales, lastSync, error, follower } = status;
  const kept = useNeedsAttention(attention?.local)?.length ?? 0;
  const [panel, setPanel] = useState(false);
  const updateOffer = useUpdateOffer();
  const persisted = usePersisted();
  return (
    <header className="bar">
      <span className="brand">Countertop</span>
      <span className="bar-right">
        <span className={`status status-${online ? "online" : "offline"}`} role="status" aria-live="polite">
          {online ? "Online" : "Offline"}
        </span>
        <button type="button" className="status status-button" data-testid="pending" onClick={() => setPanel(!panel)} aria-expanded={panel}>
          {follower
            ? "Synced by this till's other tab"
            : pending === undefined
              ? "Checking sync…"
              : pending === 0
                ? "All synced"
                : `${pending} ${pending === 1 ? "sale" : "sales"} waiting to sync`}
          {lastSync && pending === 0 ? ` · ${time(lastSync)}` : ""}
        </button>
        {kept > 0 && (
          <button type="button" className="status warn status-button" data-testid="needs-attention" onClick={() => setPanel(true)}>
            {kept} {kept === 1 ? "needs" : "need"} attention
          </button>
        )}
        {persisted === false && (
          <span
            className="status warn"
            title="The browser may clear this till's data when the disk is full. Install the app or allow storage to keep it."
          >
            Storage not guaranteed
          </span>
        )}
        {updateOffer && (
          <button type="button" className="bar-button" onClick={applyUpdate}>
            New version — reload
          </button>
        )}
        {staffName && <span className="who">{staffName}</span>}
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
          {error && <p className="error">Last error: {error}</p>}
          <button type="button" onClick={() => setPanel(false)}>
            Close
          </button>
        </section>
      )}
    </header>
  );
}

export type SyncStatus = ReturnType<typeof useSyncStatus>;
