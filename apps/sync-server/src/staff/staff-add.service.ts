import type { Staff, StaffRole } from "@countertop/sync-protocol";
import { uuidv7 } from "uuidv7";
import { AuditAction, recordAudit, type AuditActor } from "../audit/audit";
import { hashPassword } from "../auth/password";
import { hashPinAsync } from "../auth/pin-hash";
import { withTenant } from "../db/tenant-scope";
import { holdSeqCounter, writeDocuments } from "../documents/document.repository";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { pinProblem } from "./staff.service";

/** A new person as a manager adds them: a cashier with a PIN, or a manager with their sign-in email and a first password. */
export interface NewPerson {
  readonly name: string;
  readonly role: StaffRole;
  readonly pin: string;
  /** A manager's sign-in; required for a manager, ignored for a cashier. */
  readonly email?: string | undefined;
  /** A manager's first password, which they change later; required for a manager. */
  readonly password?: string | undefined;
}

/**
 * Adds a person to the shop in one transaction: their staff document with the PIN hashed here
 * (so it unlocks every till after its next sync), and for a manager their sign-in, linked to the
 * staff document (`userId`). An email another manager of the shop has is refused.
 */
export async function addPerson(
  deps: Pick<AppDeps, "db" | "changes">,
  tenantId: string,
  person: NewPerson,
  actor: AuditActor,
  now: Date,
): Promise<Staff> {
  const problem = pinProblem(person.pin, person.role);
  if (problem) throw new ApiError(ErrorCode.bad_request, `pin: ${problem}`);
  if (person.role === "manager" && (!person.email || !person.password)) {
    throw new ApiError(ErrorCode.bad_request, "email: a manager needs an email and a first password to sign in with.");
  }
  const pinHash = await hashPinAsync(person.pin);
  const passwordHash = person.role === "manager" ? await hashPassword(person.password!) : undefined;
  return withTenant(deps.db, tenantId, async (trx) => {
    const userId = passwordHash ? uuidv7() : undefined;
    if (userId && passwordHash) {
      const email = person.email!.toLowerCase();
      const taken = await trx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
      if (taken) throw new ApiError(ErrorCode.conflict, "email: a manager of this shop already signs in with that email.");
      await trx
        .insertInto("users")
        .values({ tenant_id: tenantId, id: userId, email, password_hash: passwordHash, name: person.name, role: "manager" })
        .execute();
    }
    const staff: Staff = {
      id: uuidv7(),
      name: person.name,
      role: person.role,
      pinHash,
      active: true,
      ...(userId ? { userId } : {}),
      _deleted: false,
    };
    const storeCounter = await holdSeqCounter(trx, tenantId);
    await writeDocuments(trx, tenantId, "staff", [staff]);
    await storeCounter();
    await recordAudit(
      trx,
      tenantId,
      [{ action: AuditAction.staffAdded, actor, outcome: "ok", targets: [{ type: "staff", id: staff.id }], details: { role: staff.role } }],
      now,
    );
    await deps.changes.announce(trx, tenantId, ["staff"]);
    return staff;
  });
}
