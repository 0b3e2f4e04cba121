import type { Checkpoint, CollectionName, ReplicatedDocument } from "@countertop/sync-protocol";
import type { RxReplicationState } from "rxdb/plugins/replication";
import { type Observable, skip } from "rxjs";
import { countPending } from "./pending.ts";
import type { ReplicaErrorEvent } from "./replica-error.ts";
import type { TillStatusReport } from "./till-status-report.ts";

/**
 * Keeps the status report current: after every sync cycle, what waits per pushed collection and —
 * when the cycle had no error — the time of the last sync. When the server last heard an older
 * story (a push emptied the queue, but the stream stays quiet), one pull of `settings` tells it.
 */
export function trackStatus<N extends CollectionName>(
  status: TillStatusReport,
  states: Record<N, RxReplicationState<ReplicatedDocument, Checkpoint>>,
  pushed: readonly N[],
  active$: Observable<boolean>,
  errors: Observable<ReplicaErrorEvent>,
) {
  let failed = false;
  const failures = errors.subscribe(() => (failed = true));
  const cycles = active$.pipe(skip(1)).subscribe((active) => {
    if (active) return;
    const ok = !failed;
    failed = false;
    void (async () => {
      const counts = await Promise.all(pushed.map(async (name) => [name, await countPending(states[name]).catch(() => 0)] as const));
      const pending = Object.fromEntries(counts);
      if (ok) status.synced(new Date(), pending);
      else status.waiting(pending);
      const settings = (states as Record<string, RxReplicationState<ReplicatedDocument, Checkpoint> | undefined>).settings;
      if (ok && status.untold() && settings) settings.reSync();
    })();
  });
  cycles.add(failures);
  return cycles;
}
