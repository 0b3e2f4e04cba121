import type { Kysely } from "kysely";
import { uuidv7 } from "uuidv7";
import { AuditAction, recordAuditNow, type AuditActor } from "../audit/audit";
import type { Database } from "../db/schema";
import type { SigningKeys } from "./signing-keys";
import { withTenant } from "../db/tenant-scope";
import { ApiError, ErrorCode } from "../http/errors";
import { suspendedMessage } from "./auth.middleware";
import { hashPassword, verifyPassword } from "./password";
import { insertPlatformSession, insertSession, revokePlatformSessions, revokeSessions } from "./session.repository";
import { issueToken, TOKEN_TTL_SECONDS, type Principal } from "./token";
import { findStaffOfUser } from "../staff/staff.repository";
import { findManagersByEmail, findOwnerByEmail } from "./user.repository";

const WRONG = "Email or password is wrong.";

/**
 * Compared against when no account has the email, so an unknown email costs one password check,
 * as a wrong password does: the answer's timing does not tell which emails have accounts.
 */
const decoyHash = hashPassword("not the password of anyone");

/** A successful sign-in: the session token and who it is. */
export type SignedIn =
  | { readonly role: "owner"; readonly token: string; readonly userId: string; readonly expiresAt: string }
  | {
      readonly role: "manager";
      readonly token: string;
      readonly userId: string;
      readonly expiresAt: string;
      readonly tenantId: string;
      readonly tenantSlug: string;
      readonly name: string;
      /** The manager's staff document (their PIN on the tills), when linked. */
      readonly staffId?: string;
    };

/**
 * Signs the platform owner or a shop's manager in with email and password and opens a session
 * (12 h, revocable, checked on every request). Wrong email and wrong password answer alike, after
 * the same work. A manager of several shops names one (`tenantSlug`), or gets 409 with the list.
 */
export async function signIn(
  deps: { readonly db: Kysely<Database>; readonly keys: SigningKeys },
  input: { readonly email: string; readonly password: string; readonly tenantSlug?: string | undefined },
  address: string,
  now: Date,
): Promise<SignedIn> {
  const email = input.email.toLowerCase();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_SECONDS.manager! * 1000);
  const owner = await findOwnerByEmail(deps.db, email);
  if (owner) {
    if (!(await verifyPassword(input.password, owner.password_hash))) {
      await recordAuditNow(
        deps.db,
        undefined,
        { action: AuditAction.signIn, actor: { kind: "owner", id: owner.id, address }, outcome: "refused" },
        now,
      );
      throw new ApiError(ErrorCode.unauthorized, WRONG);
    }
    const sessionId = uuidv7();
    await insertPlatformSession(deps.db, { id: sessionId, userId: owner.id, expiresAt });
    await recordAuditNow(
      deps.db,
      undefined,
      { action: AuditAction.signIn, actor: { kind: "owner", id: owner.id, address }, outcome: "ok" },
      now,
    );
    const token = await issueToken(deps.keys, { kind: "owner", userId: owner.id, sessionId }, now);
    return { role: "owner", token, userId: owner.id, expiresAt: expiresAt.toISOString() };
  }

  const candidates = await findManagersByEmail(deps.db, email, input.tenantSlug);
  if (candidates.length === 0) {
    await verifyPassword(input.password, await decoyHash);
    throw new ApiError(ErrorCode.unauthorized, WRONG);
  }
  const matches = [];
  for (const user of candidates) if (await verifyPassword(input.password, user.password_hash)) matches.push(user);
  const user = matches[0];
  if (!user) {
    for (const c of candidates) {
      await recordAuditNow(
        deps.db,
        c.tenant_id,
        { action: AuditAction.signIn, actor: { kind: "manager", id: c.id, address }, outcome: "refused" },
        now,
      );
    }
    throw new ApiError(ErrorCode.unauthorized, WRONG);
  }
  if (matches.length > 1) {
    throw new ApiError(ErrorCode.conflict, "This email manages several shops: choose one.", {
      shops: matches.map((m) => ({ slug: m.slug, name: m.tenant_name })),
    });
  }
  if (user.status !== "active")
    throw new ApiError(ErrorCode.tenant_suspended, suspendedMessage(user.status, user.status_reason), {
      status: user.status,
      reason: user.status_reason,
    });
  const sessionId = uuidv7();
  const staff = await withTenant(deps.db, user.tenant_id, async (trx) => {
    await insertSession(trx, user.tenant_id, { id: sessionId, userId: user.id, expiresAt });
    return findStaffOfUser(trx, user.tenant_id, user.id);
  });
  await recordAuditNow(
    deps.db,
    user.tenant_id,
    { action: AuditAction.signIn, actor: { kind: "manager", id: user.id, address }, outcome: "ok" },
    now,
  );
  const token = await issueToken(deps.keys, { kind: "manager", userId: user.id, tenantId: user.tenant_id, sessionId }, now);
  return {
    role: "manager",
    token,
    userId: user.id,
    expiresAt: expiresAt.toISOString(),
    tenantId: user.tenant_id,
    tenantSlug: user.slug,
    name: user.name,
    ...(staff ? { staffId: staff.id } : {}),
  };
}

/** Ends the caller's session, or (with `everywhere`) every session of theirs; returns how many ended. */
export async function signOut(
  deps: { readonly db: Kysely<Database> },
  principal: Extract<Principal, { kind: "owner" | "manager" }>,
  everywhere: boolean,
  actor: AuditActor,
  now: Date,
): Promise<number> {
  const target = everywhere ? { userId: principal.userId } : { sessionId: principal.sessionId };
  if (principal.kind === "owner") {
    const ended = await revokePlatformSessions(deps.db, target, now);
    await recordAuditNow(deps.db, undefined, { action: AuditAction.signOut, actor, outcome: "ok", details: { everywhere, ended } }, now);
    return ended;
  }
  const ended = await withTenant(deps.db, principal.tenantId, (trx) => revokeSessions(trx, principal.tenantId, target, now));
  await recordAuditNow(
    deps.db,
    principal.tenantId,
    { action: AuditAction.signOut, actor, outcome: "ok", details: { everywhere, ended } },
    now,
  );
  return ended;
}
