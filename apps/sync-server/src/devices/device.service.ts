import type { Register } from "@countertop/sync-protocol";
import { uuidv7 } from "uuidv7";
import { AuditAction, recordAudit, type AuditActor } from "../audit/audit";
import { withTenant } from "../db/tenant-scope";
import { readSettings, updateSettings } from "../documents/settings.repository";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { takeRoomFor } from "../plans/plan-limits";
import { countActiveDevices, insertDevice, listDevices, renameDevice, revokeDevice } from "./device.repository";

/** A short register code (T1, T2, …) not used by another register of the shop. */
export function nextRegisterCode(registers: readonly Register[]): string {
  const used = new Set(registers.map((r) => r.code));
  for (let n = registers.length + 1; ; n++) if (!used.has(`T${n}`)) return `T${n}`;
}

/**
 * Registers a tablet as a till of a location (the shop's first when none is named): a device row,
 * and a register in the settings so that every till knows its name and code. 402 `plan_limit` when
 * the shop's plan has no room for another till (revoked tills make room; concurrent registrations
 * queue on the shop's lock, so the limit holds).
 */
export async function registerTill(
  deps: Pick<AppDeps, "db" | "changes">,
  tenantId: string,
  input: { name: string; locationId?: string | undefined },
  actor: AuditActor,
  now: Date,
): Promise<Register> {
  const id = uuidv7();
  return withTenant(deps.db, tenantId, async (trx) => {
    await takeRoomFor(trx, tenantId, "registers", countActiveDevices);
    const settings = await readSettings(trx);
    const locationId = input.locationId ?? settings.locations[0]?.id;
    if (!locationId || !settings.locations.some((l) => l.id === locationId)) {
      throw new ApiError(ErrorCode.bad_request, "locationId: no such location in this shop.");
    }
    await insertDevice(trx, tenantId, { id, name: input.name, locationId });
    const register: Register = { id, name: input.name, locationId, code: nextRegisterCode(settings.registers) };
    await updateSettings(trx, tenantId, now, (s) => ({ ...s, registers: [...s.registers, register] }));
    await recordAudit(
      trx,
      tenantId,
      [
        {
          action: AuditAction.tillRegistered,
          actor,
          outcome: "ok",
          targets: [{ type: "device", id }],
          details: { name: input.name, locationId },
        },
      ],
      now,
    );
    await deps.changes.announce(trx, tenantId, ["settings"]);
    return register;
  });
}

/** Revokes a till: its token stops working at its next request, and its register is marked revoked. */
export async function revokeTill(
  deps: Pick<AppDeps, "db" | "changes">,
  tenantId: string,
  id: string,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  await withTenant(deps.db, tenantId, async (trx) => {
    if (!(await revokeDevice(trx, id, now))) throw new ApiError(ErrorCode.not_found, "No active till with that id.");
    await updateSettings(trx, tenantId, now, (s) => ({
      ...s,
      registers: s.registers.map((r) => (r.id === id ? { ...r, revokedAt: now.toISOString() } : r)),
    }));
    await recordAudit(trx, tenantId, [{ action: AuditAction.tillRevoked, actor, outcome: "ok", targets: [{ type: "device", id }] }], now);
    await deps.changes.announce(trx, tenantId, ["settings"]);
  });
}

/** Renames a till: its device row and its register in the settings, which every till reads. */
export async function renameTill(
  deps: Pick<AppDeps, "db" | "changes">,
  tenantId: string,
  id: string,
  name: string,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  await withTenant(deps.db, tenantId, async (trx) => {
    if (!(await renameDevice(trx, id, name))) throw new ApiError(ErrorCode.not_found, "No active till with that id.");
    await updateSettings(trx, tenantId, now, (s) => ({ ...s, registers: s.registers.map((r) => (r.id === id ? { ...r, name } : r)) }));
    await recordAudit(
      trx,
      tenantId,
      [{ action: AuditAction.tillRenamed, actor, outcome: "ok", targets: [{ type: "device", id }], details: { name } }],
      now,
    );
    await deps.changes.announce(trx, tenantId, ["settings"]);
  });
}

/** The shop's tills, as the manager's list shows them. */
export async function listTills(deps: Pick<AppDeps, "db">, tenantId: string) {
  const devices = await withTenant(deps.db, tenantId, listDevices);
  return devices.map((d) => ({
    id: d.id,
    name: d.name,
    locationId: d.location_id,
    createdAt: d.created_at,
    revokedAt: d.revoked_at,
    lastSeenAt: d.last_seen_at,
  }));
}
