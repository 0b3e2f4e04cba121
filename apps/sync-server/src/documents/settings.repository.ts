import type { StoredDoc } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";
import { writeDocuments } from "./document.repository";

/** Reads the tenant's settings document (id "shop"). */
export async function readSettings(trx: TenantTx): Promise<StoredDoc> {
  const row = await trx.selectFrom("settings").select("doc").where("id", "=", "shop").executeTakeFirstOrThrow();
  return row.doc;
}

/** Rewrites the settings document through `change`, stamping `updatedAt`; returns the new document. */
export async function updateSettings(
  trx: TenantTx,
  tenantId: string,
  now: Date,
  change: (settings: StoredDoc) => StoredDoc,
): Promise<StoredDoc> {
  const next = { ...change(await readSettings(trx)), updatedAt: now.toISOString() };
  await writeDocuments(trx, tenantId, "settings", [next]);
  return next;
}
