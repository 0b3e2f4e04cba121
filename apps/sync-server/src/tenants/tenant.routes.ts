import { Hono, type Context } from "hono";
import { actorOf } from "../audit/audit";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { ApiError, ErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { queryOf, uuidParam } from "../http/params";
import { publicOrigin } from "../http/public-origin";
import { sendManagerLink } from "../links/link.service";
import { tenantDetail } from "./tenant-detail.repository";
import { listTenantPage, tenantFigures } from "./tenant-list.repository";
import { findTenantBySlug } from "./tenant.repository";
import {
  figuresQuerySchema,
  managerLinkSchema,
  slugCheckQuerySchema,
  newTenantSchema,
  slugSchema,
  statusChangeSchema,
  tenantListQuerySchema,
  tenantPlanSchema,
} from "./tenant.schema";
import { changeShopPlan, createShop, setShopStatus } from "./tenant.service";

const NO_TENANT = "No shop with that id.";
const tenantIdOf = (c: Context<AppEnv>) => uuidParam(c, "id", NO_TENANT);

/**
 * The platform owner's shops (`/api/v1/admin/tenants`): the table with figures (search, filters,
 * sort, pages), a live slug check, creating a shop in one step, a shop's page and figures, its
 * plan, suspending and activating it with a reason, and emailing its manager a reset link.
 */
export function tenantRoutes(deps: AppDeps) {
  const context = (c: Context<AppEnv>) => ({ actor: actorOf(callerAs(c, "owner"), clientAddress(c, deps.trustProxy)), now: new Date() });
  const setStatus = (status: "active" | "suspended") => async (c: Context<AppEnv>) => {
    const id = tenantIdOf(c);
    const { reason } = await jsonBody(c, statusChangeSchema, { optional: true });
    const updated = await setShopStatus(deps.db, id, status, { reason, ...context(c) });
    if (!updated) throw new ApiError(ErrorCode.not_found, NO_TENANT);
    return c.json(updated);
  };

  return new Hono<AppEnv>()
    .use(requireAuth(deps, ["owner"]))
    .get("/", async (c) => c.json(await listTenantPage(deps.db, queryOf(c, tenantListQuerySchema))))
    .get("/slug-check", async (c) => {
      const { slug } = queryOf(c, slugCheckQuerySchema);
      const parsed = slugSchema.safeParse(slug);
      if (!parsed.success) return c.json({ slug, available: false, reason: parsed.error.issues[0]?.message ?? "invalid" });
      const taken = await findTenantBySlug(deps.db, slug);
      return c.json({ slug, available: !taken, ...(taken ? { reason: "another shop has it" } : {}) });
    })
    .post("/", async (c) => {
      const body = await jsonBody(c, newTenantSchema);
      const created = await createShop(deps, body, { ...context(c), origin: publicOrigin(c, deps.trustProxy) });
      return c.json(created, 201);
    })
    .get("/:id", async (c) => {
      const detail = await tenantDetail(deps.db, tenantIdOf(c));
      if (!detail) throw new ApiError(ErrorCode.not_found, NO_TENANT);
      return c.json(detail);
    })
    .get("/:id/figures", async (c) => {
      const id = tenantIdOf(c);
      const { days } = queryOf(c, figuresQuerySchema);
      return c.json({ days: await tenantFigures(deps.db, id, days) });
    })
    .put("/:id/plan", async (c) => {
      const id = tenantIdOf(c);
      const body = await jsonBody(c, tenantPlanSchema);
      const updated = await changeShopPlan(deps.db, id, body, context(c));
      if (!updated) throw new ApiError(ErrorCode.not_found, NO_TENANT);
      return c.json(updated);
    })
    .post("/:id/suspend", setStatus("suspended"))
    .post("/:id/activate", setStatus("active"))
    .post("/:id/managers/:userId/reset-link", async (c) => {
      const id = tenantIdOf(c);
      const detail = await tenantDetail(deps.db, id);
      const manager = detail?.managers.find((m) => m.id === c.req.param("userId") && !m.disabled);
      if (!detail || !manager) throw new ApiError(ErrorCode.not_found, "No active manager with that id in this shop.");
      const { purpose } = await jsonBody(c, managerLinkSchema, { optional: true });
      await sendManagerLink(deps, detail, manager, purpose, {
        ...context(c),
        origin: publicOrigin(c, deps.trustProxy),
      });
      return c.json({ status: "sent" as const, email: manager.email }, 202);
    });
}
