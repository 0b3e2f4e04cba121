import type { Staff, StaffRole } from "@countertop/sync-protocol";
import { AuditAction, recordAudit, type AuditActor, type AuditEvent } from "../audit/audit";
import { hashPinAsync, PIN_LENGTH } from "../auth/pin-hash";
import { disableManager } from "../auth/user.repository";
import { withTenant, type TenantTx } from "../db/tenant-scope";
import { findDocument } from "../documents/document-lookup";
import { holdSeqCounter, writeDocuments } from "../documents/document.repository";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { activeManagerCount, findManager, findStaffOfUser } from "./staff.repository";

/** Why a PIN is not acceptable for this role, or `undefined` when it is. */
export function pinProblem(pin: string, role: StaffRole): string | undefined {
  const { min, max } = PIN_LENGTH[role];
  if (!/^\d+$/.test(pin)) return "A PIN is digits only.";
  if (pin.length < min || pin.length > max) return `A ${role}'s PIN has ${min} to ${max} digits.`;
  if (/^(\d)\1+$/.test(pin)) return "A PIN of one repeated digit is too easy to guess.";
  return undefined;
}

/** Writes a server-made change of a staff document, announces it to the tills, and records it. */
async function writeStaff(
  deps: Pick<AppDeps, "db" | "changes">,
  tenantId: string,
  change: (trx: TenantTx) => Promise<Staff>,
  audit: (staff: Staff) => readonly AuditEvent[],
  now: Date,
): Promise<Staff> {
  return withTenant(deps.db, tenantId, async (trx) => {
    const storeCounter = await holdSeqCounter(trx, tenantId);
    const staff = await change(trx);
    await writeDocuments(trx, tenantId, "staff", [staff]);
    await storeCounter();
    await recordAudit(trx, tenantId, audit(staff), now);
    await deps.changes.announce(trx, tenantId, ["staff"]);
    return staff;
  });
}

/**
 * Sets a person's PIN: checked against their role's length, hashed here (so its cost is the
 * server's to choose), written to their staff document — which replicates to every till, so they
 * sign in with it after the till's next sync. The PIN itself is neither stored nor logged.
 */
export async function setPin(
  deps: Pick<AppDeps, "db" | "changes">,
  tenantId: string,
  staffId: string,
  pin: string,
  actor: AuditActor,
  now: Date,
): Promise<Staff> {
  const current = await withTenant(deps.db, tenantId, (trx) => findDocument(trx, tenantId, "staff", staffId));
  if (!current || current._deleted) throw new ApiError(ErrorCode.not_found, "No such person in this shop.");
  if (!current.active) throw new ApiError(ErrorCode.conflict, "This person is deactivated; reactivate them before setting a PIN.");
  const problem = pinProblem(pin, current.role);
  if (problem) throw new ApiError(ErrorCode.bad_request, `pin: ${problem}`);
  const pinHash = await hashPinAsync(pin);
  return writeStaff(
    deps,
    tenantId,
    async (trx) => {
      // Read again under the tenant's lock: a push may have changed the document meanwhile.
      const fresh = (await findDocument(trx, tenantId, "staff", staffId)) ?? current;
      return { ...fresh, pinHash };
    },
    (staff) => [
      { action: AuditAction.pinSet, actor, outcome: "ok", targets: [{ type: "staff", id: staff.id }], details: { role: staff.role } },
    ],
    now,
  );
}

/**
 * Disables a manager's sign-in: their sessions end at once, and their staff document is deactivated
 * (so their PIN stops unlocking tills after the next sync). The shop's last active manager cannot
 * be disabled — nobody could sign in to manage the shop any more.
 */
export async function disableUser(
  deps: Pick<AppDeps, "db" | "changes">,
  tenantId: string,
  userId: string,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  await withTenant(deps.db, tenantId, async (trx) => {
    const user = await findManager(trx, tenantId, userId);
    if (!user) throw new ApiError(ErrorCode.not_found, "No such manager in this shop.");
    if (user.disabled_at !== null) return;
    if ((await activeManagerCount(trx, tenantId)) <= 1) {
      throw new ApiError(ErrorCode.conflict, "This is the shop's last active manager; add another manager first.");
    }
    await disableManager(trx, tenantId, userId, now);
    await recordAudit(
      trx,
      tenantId,
      [{ action: AuditAction.managerDisabled, actor, outcome: "ok", targets: [{ type: "user", id: userId }] }],
      now,
    );
  });
  const linked = await withTenant(deps.db, tenantId, (trx) => findStaffOfUser(trx, tenantId, userId));
  if (linked && linked.active) {
    await writeStaff(
      deps,
      tenantId,
      async () => ({ ...linked, active: false }),
      (staff) => [{ action: AuditAction.staffDeactivated, actor, outcome: "ok", targets: [{ type: "staff", id: staff.id }] }],
      now,
    );
  }
}
