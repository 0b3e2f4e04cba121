import { customerSchema, type Customer } from "@countertop/sync-protocol";
import { uuidv7 } from "uuidv7";
import { hashPassword, verifyPassword } from "../auth/password";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { applyPush } from "../sync/push/apply-push";
import { findShopperAccount, insertShopperAccount } from "./shopper-account.repository";

/**
 * Registers a shopper at one shop: an account (email and password hash) and a new `customers`
 * profile, pushed as the shopper would push it, so a duplicate of a till customer is flagged for the
 * manager, never merged unasked. 409 `conflict` (`email_taken`) when the email has an account here.
 */
export async function registerShopper(
  deps: Pick<AppDeps, "db" | "changes">,
  tenantId: string,
  input: { name: string; email: string; password: string },
  now: Date,
): Promise<Customer> {
  const passwordHash = await hashPassword(input.password);
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
