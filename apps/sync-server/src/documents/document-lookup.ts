import type { CollectionDocument, CollectionName } from "@countertop/sync-protocol";
import type { TenantTx } from "../db/tenant-scope";

/** One document of the tenant by id, or `undefined`. */
export async function findDocument<N extends CollectionName>(
  trx: TenantTx,
  tenantId: string,
  collection: N,
  id: string,
): Promise<CollectionDocument<N> | undefined> {
  // Every collection table has `id` and `doc` (DocumentColumns); Kysely cannot follow a name chosen at run time.
  const row = await trx
    .selectFrom(collection as "products")
    .select("doc")
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.doc as CollectionDocument<N> | undefined;
}
