import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { jsonBody } from "../http/json-body";
import { publicOrigin } from "../http/public-origin";
import { AttemptLimiter } from "../http/rate-limit";
import { linkTokenSchema, passwordResetRequestSchema, redeemLinkSchema } from "./link.schema";
import { inspectLink, redeemLink, requestPasswordReset } from "./link.service";

/**
 * Emailed single-use links, for platform owners and shop managers alike:
 * - `POST /api/v1/auth/password-reset` `{ email }` → always 202: a reset link goes to the email if
 *   it has an account (rate-limited per address and per email);
 * - `POST /api/v1/links/inspect` `{ token }` → who the link is for (404 with why when it is not valid);
 * - `POST /api/v1/links/redeem` `{ token, password }` → sets the password, ends every session, once.
 */
export function linkRoutes(deps: AppDeps) {
  const resetsPerAddress = new AttemptLimiter(deps.db, {
    name: "password-reset:address",
    max: 20,
    windowMs: 3600_000,
    message: "Too many reset requests from here. Try again in {s} s.",
  });
  const resetsPerEmail = new AttemptLimiter(deps.db, {
    name: "password-reset:email",
    max: 3,
    windowMs: 3600_000,
    message: "We just sent a link to this email. Check your inbox, or try again in {s} s.",
  });
  const linksPerAddress = new AttemptLimiter(deps.db, {
    name: "links:address",
    max: 60,
    windowMs: 15 * 60_000,
    message: "Too many tries from here. Try again in {s} s.",
  });
  return new Hono<AppEnv>()
    .post("/auth/password-reset", async (c) => {
      const { email } = await jsonBody(c, passwordResetRequestSchema);
      await resetsPerAddress.hit(clientAddress(c, deps.trustProxy));
      await resetsPerEmail.hit(email.toLowerCase());
      // Answered before the work is done: the time to answer says nothing about the email.
      void requestPasswordReset(deps, email, publicOrigin(c, deps.trustProxy), new Date()).catch((e: unknown) =>
        deps.log.error("password reset failed", e),
      );
      return c.json({ status: "check_email" as const }, 202);
    })
    .post("/links/inspect", async (c) => {
      await linksPerAddress.hit(clientAddress(c, deps.trustProxy));
      const { token } = await jsonBody(c, linkTokenSchema);
      return c.json(await inspectLink(deps, token, new Date()));
    })
    .post("/links/redeem", async (c) => {
      await linksPerAddress.hit(clientAddress(c, deps.trustProxy));
      const { token, password } = await jsonBody(c, redeemLinkSchema);
      return c.json(await redeemLink(deps, token, password, new Date()));
    });
}
