import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";

/** What a till said about itself in the headers of a sync call. */
export interface TillReport {
  readonly lastSyncAt?: Date | undefined;
  readonly pending?: Readonly<Record<string, number>> | undefined;
  readonly appVersion?: string | undefined;
}

/** Keeps a till's report and when it was heard from; fields it did not send keep their last value. */
export async function saveTillReport(trx: TenantTx, deviceId: string, report: TillReport, now: Date): Promise<void> {
  await trx
    .updateTable("devices")
    .set({
      last_seen_at: now,
      ...(report.lastSyncAt ? { last_sync_at: report.lastSyncAt } : {}),
      ...(report.pending
        ? { pending: JSON.stringify(report.pending), pending_docs: Object.values(report.pending).reduce((sum, n) => sum + n, 0) }
        : {}),
      ...(report.appVersion ? { app_version: report.appVersion } : {}),
    })
    .where("id", "=", deviceId)
    .execute();
}

/** Every till of a shop with its last report, oldest registration first; through a tenant transaction or the platform reader. */
export function readTillStatus(trx: TenantTx | Transaction<Database> | Kysely<Database>, tenantId: string) {
  return trx
    .selectFrom("devices")
    .select(["id", "name", "location_id", "revoked_at", "last_seen_at", "last_sync_at", "pending", "app_version"])
    .where("tenant_id", "=", tenantId)
    .orderBy("created_at")
    .execute();
}

/** Whether the platform has a shop with this id (the platform reader's view). */
export async function tenantExists(trx: Transaction<Database>, tenantId: string): Promise<boolean> {
  return (await trx.selectFrom("tenants").select("id").where("id", "=", tenantId).executeTakeFirst()) !== undefined;
}
