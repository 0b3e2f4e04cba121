import { uuidv7 } from "uuidv7";
import { AuditAction, recordAudit, recordAuditNow, type AuditActor } from "../audit/audit";
import { hashPassword } from "../auth/password";
import { revokePlatformSessions, revokeSessions } from "../auth/session.repository";
import { findManagersByEmail, findOwnerByEmail } from "../auth/user.repository";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { linkMail } from "./link-mail";
import { newLinkToken, parseLinkToken, secretMatches, type LinkScope } from "./link-token";
import {
  insertPlatformLink,
  insertUserLink,
  lockPlatformLink,
  lockUserLink,
  markPlatformLinkUsed,
  markUserLinkUsed,
} from "./link.repository";

/** What a link does: set a forgotten password, or finish an invitation by choosing one. */
export type LinkPurpose = "reset" | "invite";

/** How long a link works: an hour for a reset, a week for an invitation. */
export const LINK_TTL_MS: Readonly<Record<LinkPurpose, number>> = { reset: 3600_000, invite: 7 * 86_400_000 };

/** The person a link is for. */
export interface LinkPerson {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

type Deps = Pick<AppDeps, "db" | "mail">;

/** Where the link page is (the console serves it for owners and managers alike), with the token after `#` so it is never sent to a server. */
function linkUrl(origin: string, token: string): string {
  return `${origin}/admin/link#token=${token}`;
}

/**
 * Emails a single-use, expiring link to a platform owner (a password reset, or the invitation of a
 * new owner). Only a hash of the link's secret is stored.
 */
export async function sendOwnerLink(deps: Deps, owner: LinkPerson, purpose: LinkPurpose, origin: string, now: Date): Promise<void> {
  const id = uuidv7();
  const { token, secretHash } = newLinkToken({ kind: "platform" }, id);
  await insertPlatformLink(deps.db, {
    id,
    purpose,
    userId: owner.id,
    secretHash,
    expiresAt: new Date(now.getTime() + LINK_TTL_MS[purpose]),
  });
  await deps.mail.send({ to: owner.email, ...linkMail({ purpose, name: owner.name, url: linkUrl(origin, token), origin }) });
}

/**
 * Emails a single-use, expiring link to a manager of a shop: a password reset, or the invitation
 * that lets a new manager (the shop's first, or staff the back office invites) choose a password.
 * Recorded in the shop's audit trail.
 */
export async function sendManagerLink(
  deps: Deps,
  shop: { readonly id: string; readonly name: string },
  manager: LinkPerson,
  purpose: LinkPurpose,
  context: { readonly origin: string; readonly actor: AuditActor; readonly now: Date },
): Promise<void> {
  const id = uuidv7();
  const { token, secretHash } = newLinkToken({ kind: "shop", tenantId: shop.id }, id);
  const { now } = context;
  await withTenant(deps.db, shop.id, async (trx) => {
    await insertUserLink(trx, shop.id, {
      id,
      purpose,
      userId: manager.id,
      secretHash,
      expiresAt: new Date(now.getTime() + LINK_TTL_MS[purpose]),
    });
    await recordAudit(
      trx,
      shop.id,
      [
        {
          action: AuditAction.linkSent,
          actor: context.actor,
          outcome: "ok",
          targets: [{ type: "user", id: manager.id }],
          details: { purpose },
        },
      ],
      now,
    );
  });
  const url = linkUrl(context.origin, token);
  await deps.mail.send({ to: manager.email, ...linkMail({ purpose, name: manager.name, url, origin: context.origin, shop: shop.name }) });
}

/**
 * "Forgot your password?": emails a reset link to the platform owner or every shop manager with
 * this email, and nothing to anyone else. The caller answers the same either way, before this
 * finishes, so neither the answer nor its timing tells which emails have accounts.
 */
export async function requestPasswordReset(deps: Deps, email: string, origin: string, now: Date): Promise<number> {
  const address = email.toLowerCase();
  const owner = await findOwnerByEmail(deps.db, address);
  if (owner) {
    await sendOwnerLink(deps, owner, "reset", origin, now);
    return 1;
  }
  const managers = await findManagersByEmail(deps.db, address);
  for (const m of managers) {
    const actor: AuditActor = { kind: "anonymous" };
    await sendManagerLink(deps, { id: m.tenant_id, name: m.tenant_name }, { id: m.id, email: address, name: m.name }, "reset", {
      origin,
      actor,
      now,
    });
  }
  return managers.length;
}

/** Who a valid link is for, as its page shows it. */
export interface LinkInfo {
  readonly purpose: LinkPurpose;
  readonly role: "owner" | "manager";
  readonly email: string;
  readonly name: string;
  readonly shop?: { readonly name: string; readonly slug: string };
}

const INVALID = "This link is not valid. Check that you opened the whole link from the email, or ask for a new one.";

/** A link's row, checked: the secret matches, and it is neither used nor expired. */
function checked<R extends { secret_hash: string; used_at: Date | null; expires_at: Date }>(
  row: R | undefined,
  secret: string,
  now: Date,
): R {
  if (!row || !secretMatches(secret, row.secret_hash)) throw new ApiError(ErrorCode.not_found, INVALID);
  if (row.used_at) throw new ApiError(ErrorCode.not_found, "This link was already used. Sign in, or ask for a new link.");
  if (row.expires_at <= now) throw new ApiError(ErrorCode.not_found, "This link has expired. Ask for a new one.");
  return row;
}

/**
 * Opens a link (without using it): who it is for, or 404 with what went wrong. With `use`, the
 * same in a transaction that holds the link until commit, so a link is used once however often
 * it is followed at the same moment.
 */
async function withLink<T>(
  deps: Deps,
  token: string,
  now: Date,
  use: (info: LinkInfo, consume: (password: string) => Promise<void>) => Promise<T>,
): Promise<T> {
  const parsed = parseLinkToken(token);
  if (!parsed) throw new ApiError(ErrorCode.not_found, INVALID);
  const scope: LinkScope = parsed.scope;
  if (scope.kind === "platform") {
    return deps.db.transaction().execute(async (trx) => {
      const row = checked(await lockPlatformLink(trx, parsed.id), parsed.secret, now);
      const info: LinkInfo = { purpose: row.purpose, role: "owner", email: row.email, name: row.name };
      return use(info, async (password) => {
        await trx
          .updateTable("platform_users")
          .set({ password_hash: await hashPassword(password) })
          .where("id", "=", row.user_id)
          .execute();
        await revokePlatformSessions(trx, { userId: row.user_id }, now);
        await markPlatformLinkUsed(trx, row.id, now);
        await recordAuditNow(
          trx,
          undefined,
          { action: AuditAction.passwordSet, actor: { kind: "owner", id: row.user_id }, outcome: "ok", details: { via: row.purpose } },
          now,
        );
      });
    });
  }
  return withTenant(deps.db, scope.tenantId, async (trx) => {
    const row = checked(await lockUserLink(trx, parsed.id), parsed.secret, now);
    const info: LinkInfo = {
      purpose: row.purpose,
      role: "manager",
      email: row.email,
      name: row.name,
      shop: { name: row.shop_name, slug: row.slug },
    };
    return use(info, async (password) => {
      await trx
        .updateTable("users")
        .set({ password_hash: await hashPassword(password) })
        .where("id", "=", row.user_id)
        .execute();
      await revokeSessions(trx, scope.tenantId, { userId: row.user_id }, now);
      await markUserLinkUsed(trx, row.id, now);
      await recordAudit(
        trx,
        scope.tenantId,
        [{ action: AuditAction.passwordSet, actor: { kind: "manager", id: row.user_id }, outcome: "ok", details: { via: row.purpose } }],
        now,
      );
    });
  });
}

/** Who a link is for, without using it; 404 with a reason when it is not valid, used or expired. */
export function inspectLink(deps: Deps, token: string, now: Date): Promise<LinkInfo> {
  return withLink(deps, token, now, async (info) => info);
}

/** Uses a link: sets the person's password and ends every session of theirs. Once only. */
export function redeemLink(deps: Deps, token: string, password: string, now: Date): Promise<LinkInfo> {
  return withLink(deps, token, now, async (info, consume) => {
    await consume(password);
    return info;
  });
}
