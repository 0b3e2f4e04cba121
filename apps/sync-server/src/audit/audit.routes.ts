import { Hono } from "hono";
import { requireAuth } from "../auth/auth.middleware";
import type { AppDeps, AppEnv } from "../http/app-env";
import { queryOf } from "../http/params";
import { AuditAction } from "./audit";
import { auditPage } from "./audit-log.repository";
import { auditQuerySchema } from "./audit.schema";

/**
 * `GET /api/v1/admin/audit`: the audit log across shops and the platform, for the owner, filtered
 * by shop, actor, action, outcome and time, newest first. Read-only: no API changes the log.
 * `GET /api/v1/admin/audit/actions`: the actions it records, for the console's filter.
 */
export function auditRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(deps, ["owner"]))
    .get("/", async (c) => c.json(await auditPage(deps.db, queryOf(c, auditQuerySchema))))
    .get("/actions", (c) => c.json({ actions: Object.values(AuditAction).sort() }));
}
