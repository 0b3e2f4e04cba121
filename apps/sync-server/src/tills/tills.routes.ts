import { Hono } from "hono";
import { z } from "zod";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { deviceCaller, type StreamLimiter } from "../sync/stream-limits";
import { platformTillStatus, shopTillStatus } from "./till-status.service";

/**
 * Which figures are complete: every till of a shop with its last report (last successful sync,
 * documents still waiting per collection, app version) and when the server last heard from it.
 * `connected`: it holds a live stream to this server now (its figures are current while it does).
 * `GET /tills/status` for the shop's managers and tills; `GET /admin/tenants/{id}/tills` for the
 * platform owner's console.
 */
export function tillRoutes(deps: AppDeps, streams: Pick<StreamLimiter, "heldBy">) {
  const connected = (id: string) => streams.heldBy(deviceCaller(id)) > 0;
  return new Hono<AppEnv>()
    .get("/tills/status", requireAuth(deps, ["manager", "device"]), async (c) => {
      const { tenantId } = callerAs(c, "manager", "device");
      return c.json({ tills: await shopTillStatus(deps, tenantId, connected), at: new Date().toISOString() });
    })
    .get("/admin/tenants/:id/tills", requireAuth(deps, ["owner"]), async (c) => {
      callerAs(c, "owner");
      const id = c.req.param("id");
      const tills = z.uuid().safeParse(id).success ? await platformTillStatus(deps, id, connected) : undefined;
      if (!tills) throw new ApiError(ErrorCode.not_found, "No such shop.");
      return c.json({ tills, at: new Date().toISOString() });
    });
}
