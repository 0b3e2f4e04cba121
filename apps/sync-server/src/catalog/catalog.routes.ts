import { Hono } from "hono";
import { z } from "zod";
import { actorOf } from "../audit/audit";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { ApiError, ErrorCode } from "../http/errors";
import { exportCatalog, importCatalog } from "./catalog.service";

/** `POST /api/v1/catalog/import?mode=…&dryRun=…`. */
export const importQuery = z.object({ mode: z.enum(["update", "add"]).default("update"), dryRun: z.enum(["0", "1"]).default("0") });

/**
 * The catalog as CSV (format in the README), for a manager's session:
 * - `POST /api/v1/catalog/import?mode=update|add&dryRun=1` with the CSV as the body → what it did (or would do), every refused row with its reason;
 * - `GET /api/v1/catalog/export` → the catalog as CSV.
 */
export function catalogRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(deps, ["manager"]))
    .post("/import", async (c) => {
      const principal = callerAs(c, "manager");
      const query = importQuery.safeParse(c.req.query());
      if (!query.success) throw new ApiError(ErrorCode.bad_request, "mode is update or add; dryRun is 0 or 1.");
      const report = await importCatalog(deps, principal.tenantId, await c.req.text(), {
        mode: query.data.mode,
        dryRun: query.data.dryRun === "1",
        actor: actorOf(principal, clientAddress(c, deps.trustProxy)),
        now: new Date(),
      });
      return c.json(report);
    })
    .get("/export", async (c) => {
      const { tenantId } = callerAs(c, "manager");
      return c.body(await exportCatalog(deps, tenantId), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="catalog.csv"',
      });
    });
}
