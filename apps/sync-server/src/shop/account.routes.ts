import { customerSchema, emailSchema, nameSchema, type Customer } from "@countertop/sync-protocol";
import { Hono, type Context } from "hono";
import { uuidv7 } from "uuidv7";
import { z } from "zod";
import { clientAddress } from "../auth/auth.routes";
import { hashPassword, verifyPassword } from "../auth/password";
import { issueToken } from "../auth/token";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ApiErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { AttemptLimiter } from "../http/rate-limit";
import { applyPush } from "../sync/push";
import { activeShopBySlug } from "./session.routes";

const passwordSchema = z.string().min(8, "use at least 8 characters").max(200);
const registerSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });
const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

const WRONG = "Email or password is wrong.";
/** Compared against when the email has no account, so a miss takes as long as a wrong password. */
const decoyHash = hashPassword("not a password of anyone");

/** A signed-in shopper's answer: a token that also reads their own orders and profile. */
async function signedIn(
  deps: AppDeps,
  c: Context<AppEnv>,
  tenantId: string,
  customer: Customer | Record<string, unknown>,
  status: 200 | 201,
) {
  const token = await issueToken(deps.jwtSecret, { kind: "shopper", sessionId: uuidv7(), tenantId, customerId: String(customer.id) });
  return c.json({ token, tenantId, customer }, status);
}

/**
 * Shopper accounts of one shop:
 * - `POST /api/v1/shop/{slug}/account` `{name, email, password}` → 201 `{token, customer}`: the
 *   profile is a new `customers` document (a duplicate of a till customer is flagged for the manager,
 *   never merged unasked); 409 `email_taken` when the email already has an account here.
 * - `POST /api/v1/shop/{slug}/account/session` `{email, password}` → `{token, customer}`.
 * Profile and addresses are then edited offline-first by pushing the shopper's own `customers`
 * document; signing out is the client dropping its token.
 */
export function shopAccountRoutes(deps: AppDeps) {
  const perAccount = new AttemptLimiter(10, 15 * 60_000);
  const perAddress = new AttemptLimiter(100, 15 * 60_000);

  return new Hono<AppEnv>()
    .post("/:slug/account", async (c) => {
      const tenant = await activeShopBySlug(deps, c.req.param("slug"));
      const body = await jsonBody(c, registerSchema);
      perAddress.hit(`register|${clientAddress(c)}`);
      const email = body.email.toLowerCase();
      const passwordHash = await hashPassword(body.password);
      const now = new Date();
      const customer = customerSchema.parse({
        id: uuidv7(),
        name: body.name.trim() || body.name,
        email,
        addresses: [],
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        _deleted: false,
      });
      await withTenant(deps.db, tenant.id, async (trx) => {
        const taken = await trx
          .insertInto("shopper_accounts")
          .values({ tenant_id: tenant.id, customer_id: customer.id, email, password_hash: passwordHash })
          .onConflict((oc) => oc.columns(["tenant_id", "email"]).doNothing())
          .returning("customer_id")
          .executeTakeFirst();
        if (!taken)
          throw new ApiError(409, ApiErrorCode.Conflict, "This email already has an account at this shop. Sign in instead.", {
            reason: "email_taken",
          });
        const principal = { kind: "shopper" as const, sessionId: "register", tenantId: tenant.id, customerId: customer.id };
        const result = await applyPush(trx, tenant.id, principal, "customers", [{ newDocumentState: customer }], now);
        await deps.changes.announce(trx, tenant.id, [...result.written]);
      });
      return signedIn(deps, c, tenant.id, customer, 201);
    })
    .post("/:slug/account/session", async (c) => {
      const tenant = await activeShopBySlug(deps, c.req.param("slug"));
      const body = await jsonBody(c, signInSchema);
      const email = body.email.toLowerCase();
      const address = clientAddress(c);
      perAddress.hit(address);
      perAccount.hit(`${address}|${tenant.id}|${email}`);
      const found = await withTenant(deps.db, tenant.id, async (trx) => {
        const account = await trx
          .selectFrom("shopper_accounts")
          .select(["customer_id", "password_hash"])
          .where("email", "=", email)
          .executeTakeFirst();
        const profile = account
          ? await trx.selectFrom("customers").select("doc").where("id", "=", account.customer_id).executeTakeFirst()
          : undefined;
        return account ? { ...account, profile: profile?.doc } : undefined;
      });
      const ok = await verifyPassword(body.password, found?.password_hash ?? (await decoyHash));
      if (!found || !ok) throw new ApiError(401, ApiErrorCode.Unauthorized, WRONG);
      perAccount.reset(`${address}|${tenant.id}|${email}`);
      return signedIn(deps, c, tenant.id, found.profile ?? { id: found.customer_id, email }, 200);
    });
}
