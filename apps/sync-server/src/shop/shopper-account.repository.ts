import type { Customer } from "@countertop/sync-protocol";
import type { TenantTx } from "../db/tenant-scope";

/** Creates a shopper's sign-in; `false` when the email already has an account at this shop. */
export async function insertShopperAccount(
  trx: TenantTx,
  tenantId: string,
  account: { customerId: string; email: string; passwordHash: string },
): Promise<boolean> {
  const taken = await trx
    .insertInto("shopper_accounts")
    .values({ tenant_id: tenantId, customer_id: account.customerId, email: account.email, password_hash: account.passwordHash })
    .onConflict((oc) => oc.columns(["tenant_id", "email"]).doNothing())
    .returning("customer_id")
    .executeTakeFirst();
  return taken !== undefined;
}

/** The shopper account with this (lower-case) email and its profile, if any. */
export async function findShopperAccount(
  trx: TenantTx,
  email: string,
): Promise<{ customerId: string; passwordHash: string; profile: Customer | undefined } | undefined> {
  const account = await trx
    .selectFrom("shopper_accounts")
    .select(["customer_id", "password_hash"])
    .where("email", "=", email)
    .executeTakeFirst();
  if (!account) return undefined;
  const profile = await trx.selectFrom("customers").select("doc").where("id", "=", account.customer_id).executeTakeFirst();
  return { customerId: account.customer_id, passwordHash: account.password_hash, profile: profile?.doc };
}
