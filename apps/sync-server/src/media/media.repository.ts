import type { TenantTx } from "../db/tenant-scope";

/** Stores an image under its hash; storing the same bytes again changes nothing. */
export async function insertMedia(
  trx: TenantTx,
  tenantId: string,
  media: { readonly id: string; readonly contentType: string; readonly bytes: Uint8Array },
): Promise<void> {
  await trx
    .insertInto("media")
    .values({ tenant_id: tenantId, id: media.id, content_type: media.contentType, bytes: media.bytes, size: media.bytes.byteLength })
    .onConflict((oc) => oc.columns(["tenant_id", "id"]).doNothing())
    .execute();
}

/** An image of the shop by its hash, or `undefined`. */
export function findMedia(trx: TenantTx, id: string) {
  return trx.selectFrom("media").select(["content_type", "bytes"]).where("id", "=", id).executeTakeFirst();
}
