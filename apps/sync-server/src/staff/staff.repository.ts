import type { Staff } from "@countertop/sync-protocol";
import { sql } from "kysely";
import type { TenantTx } from "../db/tenant-scope";

/** A manager's sign-in row of this shop, if any. */
export function findManager(trx: TenantTx, tenantId: string, userId: string) {
  return trx
    .selectFrom("users")
    .select(["id", "disabled_at"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", userId)
    .executeTakeFirst();
}

/** How many managers of the shop can still sign in. */
export async function activeManagerCount(trx: TenantTx, tenantId: string): Promise<number> {
  const row = await trx
    .selectFrom("users")
    .select(sql<string>`count(*)`.as("n"))
    .where("tenant_id", "=", tenantId)
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The staff document linked to a manager's sign-in (`userId`), if any. */
export async function findStaffOfUser(trx: TenantTx, tenantId: string, userId: string): Promise<Staff | undefined> {
  const row = await trx
    .selectFrom("staff")
    .select("doc")
    .where("tenant_id", "=", tenantId)
    .where(sql`doc->>'userId'`, "=", userId)
    .where("deleted", "=", false)
    .executeTakeFirst();
  return row?.doc;
}
