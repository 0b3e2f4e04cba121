import { Hono } from "hono";
import { actorOf } from "../audit/audit";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { jsonBody } from "../http/json-body";
import { AttemptLimiter } from "../http/rate-limit";
import { callerAs, requireAuth } from "./auth.middleware";
import { loginSchema, logoutSchema } from "./auth.schema";
import { signIn, signOut } from "./auth.service";

/**
 * `POST /api/v1/auth/login` (the platform owner and shop managers) → a session token;
 * `POST /api/v1/auth/logout` `{ everywhere? }` ends it, or every session of that person.
 */
export function authRoutes(deps: AppDeps) {
  // 10 tries per address and email per 15 minutes, and 100 per address (spraying many emails).
  const perAccount = new AttemptLimiter(deps.db, { name: "sign-in:account", max: 10, windowMs: 15 * 60_000 });
  const perAddress = new AttemptLimiter(deps.db, { name: "sign-in:address", max: 100, windowMs: 15 * 60_000 });

  return new Hono<AppEnv>()
    .post("/login", async (c) => {
      const body = await jsonBody(c, loginSchema);
      const address = clientAddress(c, deps.trustProxy);
      const account = `${address}|${body.email.toLowerCase()}`;
      await perAddress.hit(address);
      await perAccount.hit(account);
      const signedIn = await signIn(deps, body, address, new Date());
      await perAccount.reset(account);
      return c.json(signedIn);
    })
    .post("/logout", requireAuth(deps, ["owner", "manager"]), async (c) => {
      const principal = callerAs(c, "owner", "manager");
      const { everywhere } = await jsonBody(c, logoutSchema, { optional: true });
      await signOut(deps, principal, everywhere, actorOf(principal, clientAddress(c, deps.trustProxy)), new Date());
      return c.body(null, 204);
    });
}
