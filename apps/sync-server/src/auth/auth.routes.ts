import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { ApiError, ErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { AttemptLimiter } from "../http/rate-limit";
import { verifyPassword } from "./password";
import { issueToken } from "./token";
import { findManagersByEmail, findOwnerByEmail } from "./user.repository";

const loginSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
  /** Needed only when one email manages several shops. */
  tenantSlug: z.string().max(64).optional(),
});

const WRONG = "Email or password is wrong.";

/** `POST /api/v1/auth/login` for the platform owner and shop managers. */
export function authRoutes(deps: AppDeps) {
  // 10 tries per address and email per 15 minutes, and 100 per address (spraying many emails).
  const perAccount = new AttemptLimiter(10, 15 * 60_000);
  const perAddress = new AttemptLimiter(100, 15 * 60_000);

  return new Hono<AppEnv>().post("/login", async (c) => {
    const body = await jsonBody(c, loginSchema);
    const email = body.email.toLowerCase();
    const address = clientAddress(c);
    perAddress.hit(address);
    perAccount.hit(`${address}|${email}`);

    const owner = await findOwnerByEmail(deps.db, email);
    if (owner) {
      if (!(await verifyPassword(body.password, owner.password_hash))) throw new ApiError(ErrorCode.unauthorized, WRONG);
      perAccount.reset(`${address}|${email}`);
      return c.json({ token: await issueToken(deps.jwtSecret, { kind: "owner", userId: owner.id }), role: "owner" as const });
    }

    const candidates = await findManagersByEmail(deps.db, email, body.tenantSlug);
    const matches = [];
    for (const user of candidates) if (await verifyPassword(body.password, user.password_hash)) matches.push(user);
    const user = matches[0];
    if (!user) throw new ApiError(ErrorCode.unauthorized, WRONG);
    if (matches.length > 1) {
      throw new ApiError(ErrorCode.conflict, "This email manages several shops: choose one.", {
        shops: matches.map((m) => ({ slug: m.slug, name: m.tenant_name })),
      });
    }
    if (user.status !== "active")
      throw new ApiError(ErrorCode.tenant_suspended, "This shop's account is suspended. Contact the platform owner.");
    perAccount.reset(`${address}|${email}`);
    const token = await issueToken(deps.jwtSecret, { kind: "manager", userId: user.id, tenantId: user.tenant_id });
    return c.json({ token, role: "manager" as const, tenantId: user.tenant_id, tenantSlug: user.slug, name: user.name });
  });
}
