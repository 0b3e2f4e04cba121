import { customerSchema, type Customer } from "@countertop/sync-protocol";
import { sign, verify } from "hono/jwt";
import { uuidv7 } from "uuidv7";
import { z } from "zod";
import { hashPassword, verifyPassword } from "../auth/password";
import { verifyWithKeys } from "../auth/signing-keys";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { mailJob } from "../outbox/mail-job";
import { enqueue } from "../outbox/outbox.repository";
import type { Mail } from "../receipts/mail-transport";
import { applyPush } from "../sync/push/apply-push";
import { findShopperAccount, insertShopperAccount } from "./shopper-account.repository";

/** How long the link that finishes a sign-up stays good. */
export const SIGN_UP_LINK_SECONDS = 24 * 3600;

const signUpClaims = z.object({
  kind: z.literal("signup"),
  tid: z.uuid(),
  email: z.email(),
  name: z.string().min(1).max(200),
  ph: z.string().min(1).max(500),
});

/**
 * Starts a sign-up without saying whether the email has an account: the answer is always the same
 * (the caller checks their inbox), and the email decides. A new email gets a link that finishes the
 * sign-up (it carries the name and the password's hash, signed, for 24 h; nothing is stored until
 * it is followed); an email with an account gets a note that it has one. Both cost a password hash.
 */
export async function requestSignUp(
  deps: Pick<AppDeps, "db" | "outbox" | "keys">,
  shop: { id: string; name: string },
  input: { name: string; email: string; password: string },
  links: { confirm: (token: string) => string; signIn: string },
  now: Date,
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const existing = await withTenant(deps.db, shop.id, (trx) => findShopperAccount(trx, input.email));
  if (existing) {
    await sendSoon(deps, shop.id, {
      to: input.email,
      subject: `Your account at ${shop.name}`,
      text: [
        `Someone (we hope you) asked to create an account at ${shop.name} with this email address.`,
        "",
        `You already have one: sign in here: ${links.signIn}`,
        "",
        "If it wasn't you, you can ignore this email.",
      ].join("\n"),
    });
    return;
  }
  const iat = Math.floor(now.getTime() / 1000);
  const token = await sign(
    { kind: "signup", tid: shop.id, email: input.email, name: input.name, ph: passwordHash, iat, exp: iat + SIGN_UP_LINK_SECONDS },
    deps.keys.current(),
  );
  await sendSoon(deps, shop.id, {
    to: input.email,
    subject: `Confirm your account at ${shop.name}`,
    text: [
      `Welcome, ${input.name}!`,
      "",
      `Open this link to finish creating your account at ${shop.name} (it works for 24 hours):`,
      links.confirm(token),
      "",
      "If you didn't ask for an account, ignore this email.",
    ].join("\n"),
  });
}

/** Writes an email to the shop's outbox and tells the worker: it goes out even if this process dies now. */
async function sendSoon(deps: Pick<AppDeps, "db" | "outbox">, tenantId: string, mail: Mail): Promise<void> {
  await withTenant(deps.db, tenantId, (trx) => enqueue(trx, tenantId, [mailJob(`signup:${uuidv7()}`, mail)]));
  deps.outbox?.kick();
}

/**
 * Finishes a sign-up from its emailed link: creates the account and profile and answers the
 * shopper, signed in. Following the link again signs the same shopper in; a link for an email that
 * has meanwhile got another account (another password) is refused with 409.
 */
export async function confirmSignUp(
  deps: Pick<AppDeps, "db" | "changes" | "keys">,
  tenantId: string,
  token: string,
  now: Date,
): Promise<{ customer: Customer | { id: string; email: string }; created: boolean }> {
  let claims: z.infer<typeof signUpClaims>;
  try {
    claims = signUpClaims.parse(await verifyWithKeys(deps.keys, (secret) => verify(token, secret, "HS256")));
  } catch {
    throw new ApiError(ErrorCode.bad_request, "This sign-up link is not valid or has expired. Create your account again.");
  }
  if (claims.tid !== tenantId) throw new ApiError(ErrorCode.bad_request, "This sign-up link belongs to another shop.");
  const existing = await withTenant(deps.db, tenantId, (trx) => findShopperAccount(trx, claims.email));
  if (existing) {
    if (existing.passwordHash !== claims.ph)
      throw new ApiError(ErrorCode.conflict, "This email already has an account at this shop. Sign in instead.");
    return { customer: existing.profile ?? { id: existing.customerId, email: claims.email }, created: false };
  }
  return {
    customer: await registerShopper(deps, tenantId, { name: claims.name, email: claims.email, passwordHash: claims.ph }, now),
    created: true,
  };
}

/**
 * Registers a shopper at one shop: an account (email and password hash) and a new `customers`
 * profile, pushed as the shopper would push it, so a duplicate of a till customer is flagged for the
 * manager, never merged unasked. 409 `conflict` (`email_taken`) when the email has an account here.
 */
async function registerShopper(
  deps: Pick<AppDeps, "db" | "changes">,
  tenantId: string,
  input: { name: string; email: string; passwordHash: string },
  now: Date,
): Promise<Customer> {
  const { passwordHash } = input;
  const customer = customerSchema.parse({
    id: uuidv7(),
    name: input.name.trim() || input.name,
    email: input.email,
    addresses: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    _deleted: false,
  });
  await withTenant(deps.db, tenantId, async (trx) => {
    if (!(await insertShopperAccount(trx, tenantId, { customerId: customer.id, email: input.email, passwordHash }))) {
      throw new ApiError(ErrorCode.conflict, "This email already has an account at this shop. Sign in instead.", { reason: "email_taken" });
    }
    const principal = { kind: "shopper" as const, sessionId: "register", tenantId, customerId: customer.id };
    const result = await applyPush(trx, tenantId, principal, "customers", [{ newDocumentState: customer }], now);
    await deps.changes.announce(trx, tenantId, [...result.written]);
  });
  return customer;
}

/** Compared against when the email has no account, so a miss takes as long as a wrong password. */
const decoyHash = hashPassword("not a password of anyone");

/**
 * The shopper whose email and password these are at this shop, with their profile; `undefined` for
 * an unknown email and a wrong password alike, after the same work.
 */
export async function signInShopper(
  deps: Pick<AppDeps, "db">,
  tenantId: string,
  email: string,
  password: string,
): Promise<Customer | { id: string; email: string } | undefined> {
  const found = await withTenant(deps.db, tenantId, (trx) => findShopperAccount(trx, email));
  const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash));
  if (!found || !ok) return undefined;
  return found.profile ?? { id: found.customerId, email };
}
