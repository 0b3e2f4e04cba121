import type { Sale } from "@countertop/sync-protocol";
import { sql } from "kysely";
import type { TenantTx } from "../db/tenant-scope";

/** The sale (not refund) with this receipt number, with the refunds made of it so far; `undefined` when there is none. */
export async function findSaleByNumber(
  trx: TenantTx,
  tenantId: string,
  number: string,
): Promise<{ sale: Sale; refunds: Sale[] } | undefined> {
  const row = await trx
    .selectFrom("sales")
    .select("doc")
    .where("tenant_id", "=", tenantId)
    .where(sql<string>`doc->>'number'`, "=", number)
    .where("kind", "=", "sale")
    .where("deleted", "=", false)
    .executeTakeFirst();
  if (!row) return undefined;
  const refunds = await trx
    .selectFrom("sales")
    .select("doc")
    .where("tenant_id", "=", tenantId)
    .where("kind", "=", "refund")
    .where(sql<string>`doc->>'originalSaleId'`, "=", row.doc.id)
    .execute();
  return { sale: row.doc, refunds: refunds.map((r) => r.doc) };
}

/** The sales and refunds made in `[from, to)`, oldest first, `limit` at most after `afterId` (a page of a report). */
export function salesBetween(
  trx: TenantTx,
  tenantId: string,
  range: { from: Date; to: Date },
  after: { createdAt: Date; id: string } | undefined,
  limit: number,
) {
  let query = trx
    .selectFrom("sales")
    .select(["doc", "created_at", "id"])
    .where("tenant_id", "=", tenantId)
    .where("created_at", ">=", range.from)
    .where("created_at", "<", range.to)
    .where("deleted", "=", false);
  if (after)
    query = query.where((eb) =>
      eb.or([eb("created_at", ">", after.createdAt), eb.and([eb("created_at", "=", after.createdAt), eb("id", ">", after.id)])]),
    );
  return query.orderBy("created_at").orderBy("id").limit(limit).execute();
}

/** The online orders made in `[from, to)`. */
export function ordersBetween(trx: TenantTx, tenantId: string, range: { from: Date; to: Date }) {
  return trx
    .selectFrom("orders")
    .select("doc")
    .where("tenant_id", "=", tenantId)
    .where("created_at", ">=", range.from)
    .where("created_at", "<", range.to)
    .where("deleted", "=", false)
    .execute();
}
