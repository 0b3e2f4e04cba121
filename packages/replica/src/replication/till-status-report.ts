import { TILL_STATUS_HEADERS, formatPendingHeader } from "@countertop/sync-protocol/client";
import type { Fetch } from "./http.ts";

/**
 * What a till says about itself on every sync call (DESIGN: per-till status, server-only): when its
 * last sync cycle went through, what it still holds unsent per collection, and its app version. The
 * server keeps the last report, so a manager and the platform console see which figures are complete.
 */
export class TillStatusReport {
  private lastSync: Date | undefined;
  private pending: Record<string, number> = {};
  private told: { pending: string; lastSync: number } | undefined;

  constructor(private readonly appVersion: string) {}

  /** A sync cycle went through: now is the last sync, and this is what still waits. */
  synced(at: Date, pending: Readonly<Record<string, number>>): void {
    this.lastSync = at;
    this.pending = { ...pending };
  }

  /** What waits changed (a sale was rung up offline). */
  waiting(pending: Readonly<Record<string, number>>): void {
    this.pending = { ...pending };
  }

  /**
   * Whether the server last heard an older story than this: other pending counts, or a last sync
   * more than a minute older than the current one (a quiet stream makes no calls to carry it).
   */
  untold(): boolean {
    if (!this.told) return true;
    return this.told.pending !== formatPendingHeader(this.pending) || (this.lastSync?.getTime() ?? 0) - this.told.lastSync > 60_000;
  }

  /** The headers to send now. */
  headers(): Record<string, string> {
    this.told = { pending: formatPendingHeader(this.pending), lastSync: this.lastSync?.getTime() ?? 0 };
    return {
      [TILL_STATUS_HEADERS.appVersion]: this.appVersion,
      [TILL_STATUS_HEADERS.pending]: formatPendingHeader(this.pending),
      ...(this.lastSync ? { [TILL_STATUS_HEADERS.lastSync]: this.lastSync.toISOString() } : {}),
    };
  }

  /** `fetch` with the report's headers on every call. */
  wrap(fetch: Fetch): Fetch {
    return (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string> | undefined), ...this.headers() } });
  }
}
