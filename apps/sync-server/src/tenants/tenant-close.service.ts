import { COLLECTIONS } from "@countertop/sync-protocol";
import { sql, type Kysely } from "kysely";
import { AuditAction, recordAuditNow, type AuditActor } from "../audit/audit";
import type { Database } from "../db/schema";
import { asPlatformReader, withTenant } from "../db/tenant-scope";
import { setTenantStatus } from "./tenant.repository";

/**
 * A shop's rows beyond its replicated collections, in the order they can be deleted (links and
 * sessions before the managers they name). The audit trail stays: it is append-only, and it is
 * the record that the shop existed and was closed.
 */
const OTHER_TABLES = [
  "product_variants",
  "catalog_history",
  "outbox",
  "checkout_requests",
  "shopper_accounts",
  "sessions",
  "user_links",
  "users",
  "devices",
  "tenant_daily_stats",
  "tenant_counters",
] as const;

/**
 * Closes a shop: from now on it is refused like a suspended one (its tills' sales are still taken
 * and flagged), and after `graceDays` its data is deleted unless it is restored first.
 */
export async function closeShop(
  db: Kysely<Database>,
  id: string,
  change: { readonly reason?: string | undefined; readonly graceDays: number; readonly actor: AuditActor; readonly now: Date },
) {
  const deleteAfter = new Date(change.now.getTime() + change.graceDays * 86_400_000);
  const updated = await setTenantStatus(db, id, { status: "closed", reason: change.reason ?? null, now: change.now, deleteAfter });
  if (updated) {
    await recordAuditNow(
      db,
      id,
      {
        action: AuditAction.shopClosed,
        actor: change.actor,
        outcome: "ok",
        targets: [{ type: "tenant", id }],
        details: { reason: change.reason ?? null, deleteAfter: deleteAfter.toISOString() },
      },
      change.now,
    );
  }
  return updated;
}

/** Restores a closed shop before its data is deleted; `undefined` when it is not closed. */
export async function restoreShop(db: Kysely<Database>, id: string, context: { readonly actor: AuditActor; readonly now: Date }) {
  const closed = await asPlatformReader(db, (trx) => trx.selectFrom("tenants").select("status").where("id", "=", id).executeTakeFirst());
  if (closed?.status !== "closed") return undefined;
  const updated = await setTenantStatus(db, id, { status: "active", reason: null, now: context.now, deleteAfter: null });
  if (updated) {
    await recordAuditNow(
      db,
      id,
      { action: AuditAction.shopRestored, actor: context.actor, outcome: "ok", targets: [{ type: "tenant", id }] },
      context.now,
    );
  }
  return updated;
}

/**
 * Deletes the data of every closed shop whose grace period has passed, each in its own
 * transaction, and marks it `deleted` (its slug stays taken, its audit trail stays). Run on a
 * schedule by the server; returns the ids of the shops deleted.
 */
export async function purgeClosedShops(db: Kysely<Database>, now: Date): Promise<string[]> {
  const due = await asPlatformReader(db, (trx) =>
    trx.selectFrom("tenants").select("id").where("status", "=", "closed").where("delete_after", "<=", now).execute(),
  );
  for (const { id } of due) {
    await withTenant(db, id, async (trx) => {
      for (const table of [...COLLECTIONS, ...OTHER_TABLES]) {
        await sql`delete from ${sql.table(table)} where tenant_id = ${id}`.execute(trx);
      }
      await trx.updateTable("tenants").set({ status: "deleted", domain: null, plan_overrides: "{}" }).where("id", "=", id).execute();
    });
    await recordAuditNow(
      db,
      id,
      { action: AuditAction.shopDeleted, actor: { kind: "anonymous" }, outcome: "ok", targets: [{ type: "tenant", id }] },
      now,
    );
  }
  return due.map((d) => d.id);
}
