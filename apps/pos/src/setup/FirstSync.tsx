import { COLLECTIONS } from "@countertop/sync-protocol";
import { Alert } from "@countertop/ui";
import { useEffect, useState } from "react";
import type { Replica } from "../data/replica";

const SYNCED_KEY = "countertop.pos.first-sync-done";

/** Whether this tablet has completed its first full sync (then it can sell offline). */
export function firstSyncDone(tenantId: string): boolean {
  return localStorage.getItem(`${SYNCED_KEY}.${tenantId}`) === "1";
}

/** The first sync: every collection pulled once, with progress by collection and by document. */
export function FirstSync({ replica, tenantId, onDone }: { replica: Replica; tenantId: string; onDone: () => void }) {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [documents, setDocuments] = useState(0);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const states = replica.sync.states as Record<string, { received$: { subscribe(next: () => void): { unsubscribe(): void } } }>;
    const subscriptions = COLLECTIONS.map((name) => states[name]!.received$.subscribe(() => setDocuments((n) => n + 1)));
    const errors = replica.sync.error$.subscribe((event) =>
      setError(event.error instanceof Error ? event.error.message : String(event.error)),
    );
    let cancelled = false;
    for (const name of COLLECTIONS) {
      void replica.sync.states[name].awaitInitialReplication().then(() => !cancelled && setDone((prev) => new Set([...prev, name])));
    }
    void replica.sync.awaitInitialSync().then(() => {
      if (cancelled) return;
      localStorage.setItem(`${SYNCED_KEY}.${tenantId}`, "1");
      onDone();
    });
    return () => {
      cancelled = true;
      subscriptions.forEach((s) => s.unsubscribe());
      errors.unsubscribe();
    };
  }, [replica, tenantId, onDone]);

  const percent = Math.round((done.size / COLLECTIONS.length) * 100);
  return (
    <main className="center">
      <section className="card" aria-labelledby="sync-title">
        <h1 id="sync-title">Getting the shop onto this till</h1>
        <p className="muted">Catalog, stock, staff and settings are copied once so the till works offline.</p>
        <progress max={COLLECTIONS.length} value={done.size} aria-label="First sync progress" />
        <p>
          {done.size} of {COLLECTIONS.length} collections · {documents} documents · {percent} %
        </p>
        <Alert message={error && `Still trying: ${error}`} />
      </section>
    </main>
  );
}
