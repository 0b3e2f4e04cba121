import { COLLECTIONS } from "@countertop/sync-protocol";
import { useEffect, useRef, useState } from "react";
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
  /** Milliseconds the first sync will still take at the pace it has kept so far ({@link msLeft}); undefined until it can say. */
  readonly msLeft?: number | undefined;
}

/** Where a first sync stood at a moment: `at` in milliseconds (any clock), `documents` received by then. */
export interface SyncMark {
  readonly at: number;
  readonly documents: number;
}

/** How long a first sync must have run, from its first counted page, before its pace says anything. */
const PACE_AFTER_MS = 5_000;

/**
 * Milliseconds left for `expected` documents at the pace kept from `from` to `now` (a big shop's
 * first sync runs for minutes in a slow browser); undefined while that pace is too new to tell
 * (under {@link PACE_AFTER_MS}, or nothing came).
 */
export function msLeft(from: SyncMark, now: SyncMark, expected: number): number | undefined {
  const elapsed = now.at - from.at;
  const came = now.documents - from.documents;
  if (elapsed < PACE_AFTER_MS || came <= 0) return undefined;
  return (Math.max(0, expected - now.documents) * elapsed) / came;
}

/** A pause longer than this between two pages (the till offline, the server away) restarts the pace. */
export const PACE_GAP_MS = 15_000;

/**
 * Where the pace is measured from once a page came at `now`: the first counted page, or the page
 * after a pause of over {@link PACE_GAP_MS} since the `last` one (an hour offline is no part of
 * the pace the rest will come at).
 */
export function paceStart(from: SyncMark | undefined, last: SyncMark | undefined, now: SyncMark): SyncMark {
  return !from || !last || now.at - last.at > PACE_GAP_MS ? now : from;
}

/** "About 4 minutes left", "Less than a minute left": a wait a person can plan around, not a countdown. */
export function timeLeftText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "Less than a minute left";
  return minutes === 1 ? "About a minute left" : `About ${minutes.toLocaleString()} minutes left`;
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
  const [left, setLeft] = useState<number>();
  // Documents received so far, documents the server counted, where the pace is measured from (the
  // first page after a count came, or after a pause: {@link paceStart}), and the last arrival.
  const received = useRef(0);
  const counted = useRef(0);
  const paceFrom = useRef<SyncMark>(undefined);
  const lastArrival = useRef<SyncMark>(undefined);

  useEffect(() => {
    if (!replica || !tenantId || !needed) return;
    // Documents came (by the page, or one by one through RxDB's replication, which also carries on
    // a first sync that stopped at a failure): counted, and the pace kept.
    const came = (documents: number): void => {
      received.current += documents;
      setDocuments(received.current);
      const now = { at: performance.now(), documents: received.current };
      if (counted.current > 0) {
        paceFrom.current = paceStart(paceFrom.current, lastArrival.current, now);
        setLeft(msLeft(paceFrom.current, now, counted.current));
      }
      lastArrival.current = now;
    };
    const states = replica.sync.states as Record<string, { received$: { subscribe(next: () => void): { unsubscribe(): void } } }>;
    const subscriptions = COLLECTIONS.map((name) => states[name]!.received$.subscribe(() => came(1)));
    // A till that has never synced stores its first pull page by page, beside RxDB's replication.
    subscriptions.push(
      replica.sync.bulkReceived$.subscribe((page) => {
        if (page.expected !== undefined) {
          counted.current += page.expected;
          setExpected(counted.current);
        }
        came(page.documents);
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
  return { collections: done.size, total: COLLECTIONS.length, documents, expected, complete, error, msLeft: complete ? undefined : left };
}
