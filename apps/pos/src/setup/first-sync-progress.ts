import { COLLECTIONS } from "@countertop/sync-protocol";
import { useEffect, useState } from "react";
import type { Replica } from "../data/replica";

const SYNCED_KEY = "countertop.pos.first-sync-done";

/** Whether this tablet has completed its first full sync (then it can sell offline). */
export function firstSyncDone(tenantId: string): boolean {
  return localStorage.getItem(`${SYNCED_KEY}.${tenantId}`) === "1";
}

/** How far the first sync is: collections pulled, documents received, and whether all is done. */
export interface FirstSyncProgress {
  readonly collections: number;
  readonly total: number;
  readonly documents: number;
  /**
   * How many documents the first sync brings, as the server counted them when it began (the
   * collections taken in bulk: all but the few small ones RxDB pulls itself); undefined until it says.
   */
  readonly expected?: number | undefined;
  readonly complete: boolean;
  readonly error?: string | undefined;
}

/**
 * How far the first sync is, 0–100: by documents once the server has said how many there are (a
 * big shop's sales are most of the wait, and one collection of twelve), else by collections;
 * 100 only once it is complete.
 */
export function firstSyncPercent(progress: FirstSyncProgress): number {
  if (progress.complete) return 100;
  const { documents, expected } = progress;
  const share = expected ? documents / Math.max(expected, documents) : progress.collections / progress.total;
  return Math.min(99, Math.floor(share * 100));
}

/**
 * "54,000 of 121,178 documents", or "200 documents" before the server has said how many, in the
 * tablet's own way of writing numbers (a big shop's counts run to six figures).
 */
export function documentsSoFar(progress: FirstSyncProgress): string {
  const count = (n: number) => n.toLocaleString();
  const { documents, expected } = progress;
  return expected ? `${count(documents)} of ${count(Math.max(expected, documents))} documents` : `${count(documents)} documents`;
}

/**
 * The first sync's progress, counted once for the whole till so that the bar and the set-up card
 * say the same thing. `undefined` when there is no first sync to follow (it was done before).
 */
export function useFirstSyncProgress(
  replica: Replica | undefined,
  tenantId: string | undefined,
  needed: boolean,
): FirstSyncProgress | undefined {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [documents, setDocuments] = useState(0);
  const [expected, setExpected] = useState<number>();
  const [complete, setComplete] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!replica || !tenantId || !needed) return;
    const states = replica.sync.states as Record<string, { received$: { subscribe(next: () => void): { unsubscribe(): void } } }>;
    const subscriptions = COLLECTIONS.map((name) => states[name]!.received$.subscribe(() => setDocuments((n) => n + 1)));
    // A till that has never synced stores its first pull page by page, beside RxDB's replication.
    subscriptions.push(
      replica.sync.bulkReceived$.subscribe((page) => {
        setDocuments((n) => n + page.documents);
        if (page.expected !== undefined) setExpected((n = 0) => n + page.expected!);
        if (page.done) setDone((prev) => new Set([...prev, page.collection]));
      }),
    );
    const errors = replica.sync.error$.subscribe((event) =>
      setError(event.error instanceof Error ? event.error.message : String(event.error)),
    );
    let cancelled = false;
    for (const name of COLLECTIONS) {
      void replica.sync.states[name].awaitInitialReplication().then(() => !cancelled && setDone((prev) => new Set([...prev, name])));
    }
    void replica.sync.awaitInitialSync().then(() => {
      if (cancelled) return;
      performance.mark("till:first-sync-done");
      localStorage.setItem(`${SYNCED_KEY}.${tenantId}`, "1");
      setComplete(true);
    });
    return () => {
      cancelled = true;
      subscriptions.forEach((s) => s.unsubscribe());
      errors.unsubscribe();
    };
  }, [replica, tenantId, needed]);

  if (!needed) return undefined;
  return { collections: done.size, total: COLLECTIONS.length, documents, expected, complete, error };
}
