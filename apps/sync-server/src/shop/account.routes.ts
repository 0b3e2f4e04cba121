import type { Customer } from "@countertop/sync-protocol";
import { Hono, type Context } from "hono";
import { uuidv7 } from "uuidv7";
import { issueToken } from "../auth/token";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { ApiError, ErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { AttemptLimiter } from "../http/rate-limit";
import { shopperConfirmSchema, shopperSignInSchema, shopperSignUpSchema } from "./account.schema";
import { activeShopBySlug } from "./active-shop";
import { shopBase } from "./shop-base";
import { confirmSignUp, requestSignUp, signInShopper } from "./shopper-account.service";

const WRONG = "Email or password is wrong.";

/** A signed-in shopper's answer: a token that also reads their own orders and profile. */
async function signedIn(
  deps: AppDeps,
  c: Context<AppEnv>,
  tenantId: string,
  customer: Customer | { id: string; email: string },
  status: 200 | 201,
) {
  const token = await issueToken(deps.keys, { kind: "shopper", sessionId: uuidv7(), tenantId, customerId: customer.id });
  return c.json({ token, tenantId, customer }, status);
}

/**
 * Shopper accounts of one shop:
 * - `POST /api/v1/shop/{slug}/account` `{name, email, password}` → 202 `{ status: "check_email" }`
 *   whether or not the email has an account (an email tells them which, and a new one gets a link
 *   that finishes the sign-up); rate-limited per address and per email.
 * - `POST /api/v1/shop/{slug}/account/confirm` `{token}` → 201 `{token, customer}`: the link's
 *   token; the profile is a new `customers` document (a duplicate of a till customer is flagged for
 *   the manager, never merged unasked).
 * - `POST /api/v1/shop/{slug}/account/session` `{email, password}` → `{token, customer}`.
 * Profile and addresses are then edited offline-first by pushing the shopper's own `customers`
 * document; signing out is the client dropping its token.
 */
export function shopAccountRoutes(deps: AppDeps) {
  const perAccount = new AttemptLimiter(deps.db, { name: "shopper-sign-in:account", max: 10, windowMs: 15 * 60_000 });
  const perAddress = new AttemptLimiter(deps.db, { name: "shopper-sign-in:address", max: 100, windowMs: 15 * 60_000 });
  // Sign-ups send email: 20 an hour from one address, 3 an hour to one email.
  const signUpsPerAddress = new AttemptLimiter(deps.db, {
    name: "sign-up:address",
    max: 20,
    windowMs: 3600_000,
    message: "Too many sign-ups from here. Try again in {s} s.",
  });
  const signUpsPerEmail = new AttemptLimiter(deps.db, {
    name: "sign-up:email",
    max: 3,
    windowMs: 3600_000,
    message: "We just sent a link to this email. Check your inbox, or try again in {s} s.",
  });
  const confirmsPerAddress = new AttemptLimiter(deps.db, { name: "sign-up-confirm:address", max: 30, windowMs: 15 * 60_000 });

  return new Hono<AppEnv>()
    .post("/:slug/account", async (c) => {
      const tenant = await activeShopBySlug(deps, c.req.param("slug"));
      const body = await jsonBody(c, shopperSignUpSchema);
      const email = body.email.toLowerCase();
      await signUpsPerAddress.hit(clientAddress(c, deps.trustProxy));
      await signUpsPerEmail.hit(`${tenant.id}|${email}`);
      const base = await shopBase(deps, c, tenant);
      await requestSignUp(
        deps,
        tenant,
        { name: body.name.trim() || body.name, email, password: body.password },
        { confirm: (token) => `${base}account?confirm=${encodeURIComponent(token)}`, signIn: `${base}account` },
        new Date(),
      );
      return c.json({ status: "check_email" as const, email }, 202);
    })
    .post("/:slug/account/confirm", async (c) => {
      const tenant = await activeShopBySlug(deps, c.req.param("slug"));
      await confirmsPerAddress.hit(clientAddress(c, deps.trustProxy));
      const { token } = await jsonBody(c, shopperConfirmSchema);
      const { customer, created } = await confirmSignUp(deps, tenant.id, token, new Date());
      return signedIn(deps, c, tenant.id, customer, created ? 201 : 200);
    })
    .post("/:slug/account/session", async (c) => {
      const tenant = await activeShopBySlug(deps, c.req.param("slug"));
      const body = await jsonBody(c, shopperSignInSchema);
      const email = body.email.toLowerCase();
      const address = clientAddress(c, deps.trustProxy);
      await perAddress.hit(address);
      await perAccount.hit(`${address}|${tenant.id}|${email}`);
      const shopper = await signInShopper(deps, tenant.id, email, body.password);
      if (!shopper) throw new ApiError(ErrorCode.unauthorized, WRONG);
      await perAccount.reset(`${address}|${tenant.id}|${email}`);
      return signedIn(deps, c, tenant.id, shopper, 200);
    });
}
