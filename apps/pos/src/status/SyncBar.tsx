import { useEffect, useState } from "react";
import { applyUpdate, useUpdateOffer } from "../app/update";
import type { Replica } from "../data/replica";

/** What the cashier needs to trust the till: online or not, sales waiting to sync, the last sync. */
export function useSyncStatus(replica: Replica | undefined) {
  const [online, setOnline] = useState(navigator.onLine);
  const [pending, setPending] = useState<number>();
  const [lastSync, setLastSync] = useState<Date>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  useEffect(() => {
    if (!replica) return;
    let cancelled = false;
    // Counting reads the writes since the last confirmed push, so it runs when something changed:
    // a local sale, or a replication cycle that ended — not on a timer.
    let running = false;
    let again = false;
    const tick = async () => {
      if (running) return void (again = true);
      running = true;
      const waiting = await replica.sync.countPending("sales").catch(() => 0);
      running = false;
      if (cancelled) return;
      setPending(waiting);
      if (waiting === 0 && navigator.onLine) setLastSync(new Date());
      if (again) {
        again = false;
        void tick();
      }
    };
    void tick();
    // After a sale, count once things settle: the count must never compete with the next sale's write.
    let settle: ReturnType<typeof setTimeout> | undefined;
    const writes = replica.db.sales.insert$.subscribe(() => {
      clearTimeout(settle);
      settle = setTimeout(() => void tick(), 1500);
    });
    const cycles = replica.sync.active$.subscribe((active) => !active && void tick());
    const timer = setInterval(() => void tick(), 15_000);
    const errors = replica.sync.error$.subscribe((event) => setError(event.error instanceof Error ? event.error.message : String(event.error)));
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
  return { online, pending, lastSync, error };
}

/** Whether the browser will keep this till's data under storage pressure (it asked at start-up). */
function usePersisted(): boolean | undefined {
  const [persisted, setPersisted] = useState<boolean>();
  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);
  return persisted;
}

export function SyncBar({ replica, staffName, onLock }: { replica: Replica | undefined; staffName?: string | undefined; onLock?: (() => void) | undefined }) {
  const { online, pending, lastSync, error } = useSyncStatus(replica);
  const updateOffer = useUpdateOffer();
  const persisted = usePersisted();
  return (
    <header className="bar">
      <span className="brand">Countertop</span>
      <span className="bar-right">
        <span className={`status status-${online ? "online" : "offline"}`} role="status" aria-live="polite">
          {online ? "Online" : "Offline"}
        </span>
        <span className="status" data-testid="pending" title={error ?? undefined}>
          {pending === undefined ? "Checking sync…" : pending === 0 ? "All synced" : `${pending} ${pending === 1 ? "sale" : "sales"} waiting to sync`}
          {lastSync && pending === 0 ? ` · ${lastSync.toLocaleTimeString()}` : ""}
        </span>
        {persisted === false && (
          <span className="status warn" title="The browser may clear this till's data when the disk is full. Install the app or allow storage to keep it.">
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
    </header>
  );
}
