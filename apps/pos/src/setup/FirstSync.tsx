import { useEffect } from "react";
import { documentsSoFar, firstSyncPercent, timeLeftText, type FirstSyncProgress } from "./first-sync-progress";

/** The first sync: every collection pulled once, with progress by collection and by document. */
export function FirstSync({ progress, online, onDone }: { progress: FirstSyncProgress; online: boolean; onDone: () => void }) {
  useEffect(() => void performance.mark("till:first-sync-shown"), []);
  useEffect(() => {
    if (progress.complete) onDone();
  }, [progress.complete, onDone]);
  const percent = firstSyncPercent(progress);
  return (
    <main className="center">
      <section className="card" aria-labelledby="sync-title">
        <h1 id="sync-title">Getting the shop onto this till</h1>
        <p className="muted">Catalog, stock, staff and settings are copied once so the till works offline.</p>
        <progress max={100} value={percent} aria-label="First sync progress" />
        <p data-testid="first-sync-count">
          {documentsSoFar(progress)} · {percent}&nbsp;%
          <br />
          <span className="muted">
            {progress.collections} of {progress.total} collections
          </span>
        </p>
        {online && progress.msLeft !== undefined && <p data-testid="first-sync-left">{timeLeftText(progress.msLeft)}</p>}
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
