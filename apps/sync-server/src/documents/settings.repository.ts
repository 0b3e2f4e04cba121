import type { Settings } from "@countertop/sync-protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { asPlatformReader, type TenantTx } from "../db/tenant-scope";
import { writeDocuments } from "./document.repository";

/** Reads the tenant's settings document (id "shop"). */
export async function readSettings(trx: TenantTx): Promise<Settings> {
  const row = await trx.selectFrom("settings").select("doc").where("id", "=", "shop").executeTakeFirstOrThrow();
  return row.doc;
}

/** Rewrites the settings document through `change`, stamping `updatedAt`; returns the new document. */
export async function updateSettings(
  trx: TenantTx,
  tenantId: string,
  now: Date,
  change: (settings: Settings) => Settings,
): Promise<Settings> {
  const next = { ...change(await readSettings(trx)), updatedAt: now.toISOString() };
  await writeDocuments(trx, tenantId, "settings", [next]);
  return next;
}

/** A shop's settings read from outside it (its public manifest): the platform reader, not the shop's role. */
export async function readSettingsOf(db: Kysely<Database>, tenantId: string): Promise<Settings | undefined> {
  const row = await asPlatformReader(db, (trx) =>
    trx.selectFrom("settings").select("doc").where("tenant_id", "=", tenantId).executeTakeFirst(),
  );
  return row?.doc;
}
