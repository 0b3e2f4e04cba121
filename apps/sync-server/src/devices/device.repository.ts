import type { TenantTx } from "../db/tenant-scope";

/** The shop's tills, oldest first. */
export function listDevices(trx: TenantTx) {
  return trx
    .selectFrom("devices")
    .select(["id", "name", "location_id", "created_at", "revoked_at", "last_seen_at"])
    .orderBy("created_at")
    .execute();
}

/** Records a new till of a location. */
export async function insertDevice(
  trx: TenantTx,
  tenantId: string,
  device: { id: string; name: string; locationId: string },
): Promise<void> {
  await trx
    .insertInto("devices")
    .values({ tenant_id: tenantId, id: device.id, name: device.name, location_id: device.locationId, revoked_at: null, last_seen_at: null })
    .execute();
}

/** Revokes a till that is not revoked yet; `false` when there is no such active till. */
export async function revokeDevice(trx: TenantTx, id: string, now: Date): Promise<boolean> {
  const revoked = await trx
    .updateTable("devices")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return revoked !== undefined;
}

/** Renames a till that is not revoked; `false` when there is no such active till. */
export async function renameDevice(trx: TenantTx, id: string, name: string): Promise<boolean> {
  const renamed = await trx
    .updateTable("devices")
    .set({ name })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return renamed !== undefined;
}

/** How many tills of the shop are registered and not revoked (what its plan limits). */
export async function countActiveDevices(trx: TenantTx): Promise<number> {
  const row = await trx
    .selectFrom("devices")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("revoked_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
