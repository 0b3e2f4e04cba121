import { Hono } from "hono";
import { AuditAction, actorOf, recordAuditNow } from "../audit/audit";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import { asPlatformReader } from "../db/tenant-scope";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { ApiError, ErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { LIMITS, MODULES, planUpdateSchema } from "./plan";
import { listPlans, updatePlan } from "./plan.repository";

/**
 * The platform's plans (`/api/v1/admin/plans`): `GET` lists them with how many shops are on each,
 * `PUT /{id}` changes a plan's name, limits and modules. A lower limit never deletes anything:
 * shops over it keep what they have and cannot add more.
 */
export function planRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireAuth(deps, ["owner"]))
    .get("/", async (c) => {
      const plans = await listPlans(deps.db);
      const counts = await asPlatformReader(deps.db, (trx) =>
        trx
          .selectFrom("tenants")
          .select(["plan_id", (eb) => eb.fn.countAll<string>().as("n")])
          .where("status", "<>", "deleted")
          .groupBy("plan_id")
          .execute(),
      );
      const shops = new Map(counts.map((r) => [r.plan_id, Number(r.n)]));
      return c.json({ plans: plans.map((p) => ({ ...p, shops: shops.get(p.id) ?? 0 })), limits: LIMITS, modules: MODULES });
    })
    .put("/:id", async (c) => {
      const principal = callerAs(c, "owner");
      const update = await jsonBody(c, planUpdateSchema);
      const id = c.req.param("id");
      const now = new Date();
      const plan = await deps.db.transaction().execute((trx) => updatePlan(trx, id, update));
      if (!plan) throw new ApiError(ErrorCode.not_found, "No plan with that id.");
      const actor = actorOf(principal, clientAddress(c, deps.trustProxy));
      await recordAuditNow(
        deps.db,
        undefined,
        { action: AuditAction.planUpdated, actor, outcome: "ok", targets: [{ type: "plan", id }], details: { ...update } },
        now,
      );
      return c.json(plan);
    });
}
