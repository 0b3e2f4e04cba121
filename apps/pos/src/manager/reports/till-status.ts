import { useObservable } from "@countertop/ui";
import { apiJson } from "../../app/api";
import type { Till } from "../../app/till";
import { live, type CachedTillStatus, type LocalDatabase } from "../../data/local-db";

let lastAsked = 0;

/** When this page last asked the server ({@link refreshTillStatus}), in ms since the epoch; 0 before the first time. */
export const lastAskedAt = (): number => lastAsked;

/**
 * Asks the server how every till of the shop stands (its last sync, what it still had waiting, its
 * version) and keeps the answer on this till, so manager mode can show it offline, dated.
 * Fails quietly offline: the kept answer stays.
 */
export async function refreshTillStatus(till: Till, local: LocalDatabase): Promise<void> {
  lastAsked = Date.now();
  const answer = await apiJson<Omit<CachedTillStatus, "id">>("GET", "/api/v1/tills/status", { token: till.token });
  await local.tillStatus.put({ id: "tills", at: answer.at, tills: answer.tills });
}

/** The last known status of the shop's tills, live; `null` when the server was never asked. */
export function useTillStatus(local: LocalDatabase): CachedTillStatus | null | undefined {
  return useObservable(() => live(async () => (await local.tillStatus.get("tills")) ?? null), [local]);
}

/** How old a till's figures may be before the reports say so. */
export const STALE_AFTER_MS = 10 * 60_000;

/** The tills whose figures may be missing sales: some waiting as last reported, or not heard from lately. */
export function incompleteTills(status: CachedTillStatus, now: number, selfId: string, selfPending: number | undefined) {
  return (
    status.tills
      // A till never heard from has never had the shop's data, so it holds no sales to miss.
      .filter((t) => !t.revokedAt && (t.lastSeenAt !== null || t.lastSyncAt !== null))
      .map((t) => {
        const pending = t.id === selfId && selfPending !== undefined ? selfPending : (t.pending.sales ?? t.pendingTotal);
        const lastSync = t.lastSyncAt ? Date.parse(t.lastSyncAt) : undefined;
        const quiet = !t.connected && (lastSync === undefined || now - lastSync > STALE_AFTER_MS) && t.id !== selfId;
        return { ...t, waitingSales: pending, quiet };
      })
      .filter((t) => t.waitingSales > 0 || t.quiet)
  );
}
