import { Hono } from "hono";
import { z } from "zod";
import { actorOf } from "../audit/audit";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import { issueToken } from "../auth/token";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { ApiError, ErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { registerTillSchema, renameTillSchema } from "./device.schema";
import { listTills, registerTill, renameTill, revokeTill } from "./device.service";

/**
 * Tills: a manager registers a tablet as a register of a location and gets its device token;
 * revoking the device stops that token at its next request. The register appears in the shop's
 * settings, so every till knows its name and code.
 */
export function deviceRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(deps, ["manager"]))
    .get("/", async (c) => {
      const { tenantId } = callerAs(c, "manager");
      return c.json({ devices: await listTills(deps, tenantId) });
    })
    .post("/", async (c) => {
      const principal = callerAs(c, "manager");
      const { tenantId } = principal;
      const body = await jsonBody(c, registerTillSchema);
      const register = await registerTill(deps, tenantId, body, actorOf(principal, clientAddress(c, deps.trustProxy)), new Date());
      const token = await issueToken(deps.keys, { kind: "device", deviceId: register.id, tenantId });
      return c.json({ id: register.id, token, register }, 201);
    })
    .patch("/:id", async (c) => {
      const principal = callerAs(c, "manager");
      const id = c.req.param("id");
      if (!z.uuid().safeParse(id).success) throw new ApiError(ErrorCode.not_found, "No active till with that id.");
      const { name } = await jsonBody(c, renameTillSchema);
      await renameTill(deps, principal.tenantId, id, name, actorOf(principal, clientAddress(c, deps.trustProxy)), new Date());
      return c.body(null, 204);
    })
    .delete("/:id", async (c) => {
      const principal = callerAs(c, "manager");
      const id = c.req.param("id");
      if (!z.uuid().safeParse(id).success) throw new ApiError(ErrorCode.not_found, "No active till with that id.");
      await revokeTill(deps, principal.tenantId, id, actorOf(principal, clientAddress(c, deps.trustProxy)), new Date());
      return c.body(null, 204);
    });
}
