import { parsePendingHeader, TILL_STATUS_HEADERS } from "@countertop/sync-protocol";
import { asPlatformReader, withTenant } from "../db/tenant-scope";
import type { AppDeps } from "../http/app-env";
import { readTillStatus, saveTillReport, tenantExists, type TillReport } from "./till-status.repository";

/** One till as a manager's screen, the back office or the platform console shows it. */
export interface TillStatus {
  readonly id: string;
  readonly name: string;
  readonly locationId: string | null;
  readonly revokedAt: string | null;
  /** When the server last heard from it (any sync call). */
  readonly lastSeenAt: string | null;
  /** When, by its own report, its last sync went through. */
  readonly lastSyncAt: string | null;
  /** Documents it still held unsent, per collection, as it last reported. */
  readonly pending: Readonly<Record<string, number>>;
  /** The sum of `pending`: 0 means its figures are complete as of `lastSyncAt`. */
  readonly pendingTotal: number;
  readonly appVersion: string | null;
  /** Whether it holds a live stream to this server right now. */
  readonly connected: boolean;
}

const VERSION = /^[\w.+-]{1,64}$/;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * A till's report from its request headers (`TILL_STATUS_HEADERS`). A header that is not of its
 * shape is left out, never an error: a status report must not stop a till's sales from syncing.
 */
export function reportFromHeaders(header: (name: string) => string | undefined, now: Date): TillReport | undefined {
  const lastSync = header(TILL_STATUS_HEADERS.lastSync);
  const pending = header(TILL_STATUS_HEADERS.pending);
  const version = header(TILL_STATUS_HEADERS.appVersion);
  if (lastSync === undefined && pending === undefined && version === undefined) return undefined;
  const at = lastSync && lastSync.length <= 40 ? new Date(lastSync) : undefined;
  // A clock far ahead of the server's would make a till look fresh for ever: not after now (plus a minute's skew).
  const lastSyncAt = at && !Number.isNaN(at.getTime()) && at.getTime() <= now.getTime() + 60_000 ? at : undefined;
  return {
    lastSyncAt,
    pending: pending === undefined ? undefined : parsePendingHeader(pending),
    appVersion: version !== undefined && VERSION.test(version) ? version : undefined,
  };
}

/**
 * Keeps tills' reports, writing at most one row update per till every `minIntervalMs` unless the
 * report changed: a till reports on every pull and push, and recording it must stay cheap.
 */
export class TillStatusRecorder {
  private readonly last = new Map<string, { key: string; at: number }>();
  constructor(private readonly minIntervalMs = 30_000) {}

  async record(deps: Pick<AppDeps, "db">, tenantId: string, deviceId: string, report: TillReport, now: Date): Promise<void> {
    const key = JSON.stringify(report);
    const before = this.last.get(deviceId);
    if (before && before.key === key && now.getTime() - before.at < this.minIntervalMs) return;
    this.last.set(deviceId, { key, at: now.getTime() });
    await withTenant(deps.db, tenantId, (trx) => saveTillReport(trx, deviceId, report, now));
  }
}

/** Whether a till holds a live stream now. */
export type IsConnected = (deviceId: string) => boolean;

function toStatus(row: Awaited<ReturnType<typeof readTillStatus>>[number], connected: IsConnected): TillStatus {
  const pending = row.pending ?? {};
  return {
    id: row.id,
    name: row.name,
    locationId: row.location_id,
    revokedAt: iso(row.revoked_at),
    lastSeenAt: iso(row.last_seen_at),
    lastSyncAt: iso(row.last_sync_at),
    pending,
    pendingTotal: Object.values(pending).reduce((sum, n) => sum + n, 0),
    appVersion: row.app_version ?? null,
    connected: row.revoked_at === null && connected(row.id),
  };
}

/** The shop's tills with their last reports (a manager, or a till of the shop, asks). */
export async function shopTillStatus(deps: Pick<AppDeps, "db">, tenantId: string, connected: IsConnected): Promise<TillStatus[]> {
  return (await withTenant(deps.db, tenantId, (trx) => readTillStatus(trx, tenantId))).map((row) => toStatus(row, connected));
}

/** Any shop's tills with their last reports, for the platform console (the read-only platform path); `undefined`: no such shop. */
export async function platformTillStatus(
  deps: Pick<AppDeps, "db">,
  tenantId: string,
  connected: IsConnected,
): Promise<TillStatus[] | undefined> {
  return asPlatformReader(deps.db, async (trx) =>
    (await tenantExists(trx, tenantId)) ? (await readTillStatus(trx, tenantId)).map((row) => toStatus(row, connected)) : undefined,
  );
}
