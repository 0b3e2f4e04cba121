import type { CollectionDocument, CollectionName, ReplicatedDocument } from "@countertop/sync-protocol";
import type { TenantTx } from "../db/tenant-scope";
import type { PullAccess } from "./access";

/** One page of changes after a checkpoint. */
export interface PullPage {
  readonly documents: ReplicatedDocument[];
  readonly checkpoint: { readonly seq: string };
}

/**
 * The documents of `collection` written after `since` in `seq` order, at most `limit`. With nothing
 * new the incoming checkpoint is echoed. `seq` is commit-ordered (see `takeSeqs`), so a page never
 * skips a row that was still committing when the previous page was read.
 */
export async function pullPage<N extends CollectionName>(
  trx: TenantTx,
  tenantId: string,
  collection: N,
  since: string,
  limit: number,
  access: PullAccess<N>,
): Promise<PullPage> {
  if (access.only && access.only.value === null) return { documents: [], checkpoint: { seq: since } };
  // Every collection table has `seq` and `doc` (DocumentColumns); Kysely cannot follow a name chosen at run time.
  let query = trx
    .selectFrom(collection as "products")
    .select(["seq", "doc"])
    .where("tenant_id", "=", tenantId)
    .where("seq", ">", since)
    .orderBy("seq")
    .limit(limit);
  if (access.only) query = query.where(access.only.column as "id", "=", access.only.value);
  const rows = (await query.execute()) as { seq: string; doc: CollectionDocument<N> }[];
  const show = access.show ?? ((d: CollectionDocument<N>) => d);
  const last = rows[rows.length - 1];
  return { documents: rows.map((r) => show(r.doc)), checkpoint: { seq: last ? last.seq : since } };
}
