import type { StoredDoc } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";
import type { CollectionTable } from "../documents/document.repository";
import type { PullAccess } from "./access";

/** One page of changes after a checkpoint. */
export interface PullPage {
  readonly documents: StoredDoc[];
  readonly checkpoint: { readonly seq: string };
}

/**
 * The documents of `table` written after `since` in `seq` order, at most `limit`. With nothing
 * new the incoming checkpoint is echoed. `seq` is commit-ordered (see `takeSeqs`), so a page never
 * skips a row that was still committing when the previous page was read.
 */
export async function pullPage(
  trx: TenantTx,
  tenantId: string,
  table: CollectionTable,
  since: string,
  limit: number,
  access: PullAccess,
): Promise<PullPage> {
  if (access.only && access.only.value === null) return { documents: [], checkpoint: { seq: since } };
  let query = trx
    .selectFrom(table as "products")
    .select(["seq", "doc"])
    .where("tenant_id", "=", tenantId)
    .where("seq", ">", since)
    .orderBy("seq")
    .limit(limit);
  if (access.only) query = query.where(access.only.column as "id", "=", access.only.value);
  const rows = await query.execute();
  const show = access.show ?? ((d: StoredDoc) => d);
  const last = rows[rows.length - 1];
  return { documents: rows.map((r) => show(r.doc)), checkpoint: { seq: last ? String(last.seq) : since } };
}
