import { useEffect } from "react";
import type { FirstSyncProgress } from "./first-sync-progress";

/** The first sync: every collection pulled once, with progress by collection and by document. */
export function FirstSync({ progress, online, onDone }: { progress: FirstSyncProgress; online: boolean; onDone: () => void }) {
  useEffect(() => void performance.mark("till:first-sync-shown"), []);
  useEffect(() => {
    if (progress.complete) onDone();
  }, [progress.complete, onDone]);
  const percent = Math.round((progress.collections / progress.total) * 100);
  return (
    <main className="center">
      <section className="card" aria-labelledby="sync-title">
        <h1 id="sync-title">Getting the shop onto this till</h1>
        <p className="muted">Catalog, stock, staff and settings are copied once so the till works offline.</p>
        <progress max={progress.total} value={progress.collections} aria-label="First sync progress" />
        <p data-testid="first-sync-count">
          {progress.collections} of {progress.total} collections · {progress.documents} documents · {percent} %
        </p>
        {!online ? (
          <p className="notice" role="status">
            This till is offline. The first sync carries on as soon as the network is back.
          </p>
        ) : (
          progress.error && (
            <p className="notice" role="status">
              Still trying to reach the server ({progress.error}).
            </p>
          )
        )}
      </section>
    </main>
  );
}
