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

/** Documents of the tenant by id, in one round trip; ids it does not have are absent from the map. */
export async function findDocuments<N extends CollectionName>(
  trx: TenantTx,
  tenantId: string,
  collection: N,
  ids: readonly string[],
): Promise<Map<string, CollectionDocument<N>>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom(collection as "products")
    .select(["id", "doc"])
    .where("tenant_id", "=", tenantId)
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.doc as CollectionDocument<N>]));
}
