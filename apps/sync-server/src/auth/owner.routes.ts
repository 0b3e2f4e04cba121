import { Hono } from "hono";
import { uuidv7 } from "uuidv7";
import { randomBytes } from "node:crypto";
import { AuditAction, actorOf, recordAuditNow } from "../audit/audit";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { ApiError, ErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { publicOrigin } from "../http/public-origin";
import { sendOwnerLink } from "../links/link.service";
import { callerAs, requireAuth } from "./auth.middleware";
import { inviteOwnerSchema } from "./auth.schema";
import { hashPassword } from "./password";
import { findOwnerByEmail, insertOwner, listOwners } from "./user.repository";

/**
 * The platform's owners (`/api/v1/admin/owners`): `GET` lists them, `POST { email, name }` invites
 * one — they get an emailed link (a week, once) to choose their password.
 */
export function ownerRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(deps, ["owner"]))
    .get("/", async (c) => c.json({ owners: await listOwners(deps.db) }))
    .post("/", async (c) => {
      const principal = callerAs(c, "owner");
      const { email, name } = await jsonBody(c, inviteOwnerSchema);
      const address = email.toLowerCase();
      if (await findOwnerByEmail(deps.db, address))
        throw new ApiError(ErrorCode.conflict, `${address} is already an owner of this platform.`);
      const now = new Date();
      const owner = { id: uuidv7(), email: address, name };
      // No one knows this password: the invited owner chooses theirs through the link.
      await insertOwner(deps.db, { ...owner, passwordHash: await hashPassword(randomBytes(24).toString("base64url")) });
      await sendOwnerLink(deps, owner, "invite", publicOrigin(c, deps.trustProxy), now);
      const actor = actorOf(principal, clientAddress(c, deps.trustProxy));
      await recordAuditNow(
        deps.db,
        undefined,
        { action: AuditAction.ownerInvited, actor, outcome: "ok", targets: [{ type: "owner", id: owner.id }], details: { email: address } },
        now,
      );
      return c.json(owner, 201);
    });
}
