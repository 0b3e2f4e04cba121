import { listPending, type ReplicaErrorEvent } from "@countertop/replica";
import type { Sale } from "@countertop/sync-protocol";
import { recheckOnline, useOnline, useShopStanding } from "@countertop/ui";
import { useEffect, useRef, useState } from "react";
import { filter } from "rxjs";
import { backgroundTurn } from "../data/background";
import { FREE_SPACE, isStorageFull } from "../data/not-saved";
import type { Replica } from "../data/replica";

/**
 * Why the last sync attempt failed, as the cashier is told: `unreachable` when no answer came (the
 * network or the server is down: the till keeps working and retries on its own, said calmly),
 * `refused` when the server answered with an error, or `storage_full` when the tablet could not
 * keep what came (the last two real failures someone must look at).
 */
export interface SyncProblem {
  readonly kind: "unreachable" | "refused" | "storage_full";
  readonly message: string;
}

/** Describes a replication error for people. */
export function problemOf(event: ReplicaErrorEvent): SyncProblem {
  // A write into the replica refused for space: no answer from the server is missing, and retrying won't help.
  if (isStorageFull(event.error))
    return {
      kind: "storage_full",
      message: `This tablet's storage is full: the till can't keep what it syncs, and new sales can't be saved. ${FREE_SPACE}.`,
    };
  if (event.status === undefined || [502, 503, 504].includes(event.status))
    return { kind: "unreachable", message: "The server can't be reached right now. The till keeps selling and retries on its own." };
  const message = event.error instanceof Error ? event.error.message : String(event.error);
  return { kind: "refused", message: `The server refused a sync (${event.status}${event.code ? ` ${event.code}` : ""}): ${message}` };
}

/**
 * What the cashier needs to trust the till: online or not, sales waiting to sync, the last sync.
 * `registerId` is this till's: only its own sales can be waiting here.
 */
export function useSyncStatus(replica: Replica | undefined, registerId: string | undefined) {
  const online = useOnline();
  const [pendingSales, setPendingSales] = useState<Sale[]>();
  const [follower, setFollower] = useState(false);
  const [lastSync, setLastSync] = useState<Date>();
  const [error, setError] = useState<SyncProblem>();
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
      // A page at a time in the till's background turns: a sale's write never waits behind the count.
      const waiting = (await listPending(replica.sync.states.sales, { betweenPages: backgroundTurn }).catch(() => [])) as Sale[];
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
    // Other tills' sales arrive here by the thousand on a first sync; none of them waits on this till.
    const writes = replica.db.sales.insert$.pipe(filter((event) => event.documentData.registerId === registerId)).subscribe((event) => {
      const sale: Sale = event.documentData;
      setPendingSales((prev) => (prev && !prev.some((s) => s.id === sale.id) ? [...prev, sale] : prev));
      settle ??= setTimeout(() => {
        settle = undefined;
        void tick();
      }, 1500);
    });
    const cycles = replica.sync.active$.subscribe((active) => !active && void tick());
    const timer = setInterval(() => void tick(), 15_000);
    const errors = replica.sync.error$.subscribe((event) => {
      const problem = problemOf(event);
      setError(problem);
      // No answer: the line may have dropped with the Wi-Fi up, which the browser never says.
      if (problem.kind === "unreachable") recheckOnline();
    });
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
  }, [replica, registerId]);
  // The server answers again (the browser may have said nothing, see `recheckOnline`): what waits
  // behind the replication's backoff goes now, not at the end of a wait of up to a minute.
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) replica?.sync.reconnect();
    wasOnline.current = online;
  }, [online, replica]);
  // Offline is expected, not a failure: the reason is the network, and the bar says so already.
  const problem = online ? error : undefined;
  // A shop the platform owner suspended (or whose plan switched something off) is told so on the bar.
  const standing = useShopStanding(replica?.sync);
  return { online, pending: pendingSales?.length, pendingSales, lastSync, error: problem, follower, standing };
}

/** What {@link useSyncStatus} reports. */
export type SyncStatus = ReturnType<typeof useSyncStatus>;
