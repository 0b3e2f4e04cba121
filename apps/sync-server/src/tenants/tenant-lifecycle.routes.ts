import { Hono, type Context } from "hono";
import { actorOf } from "../audit/audit";
import { AuditAction, recordAuditNow } from "../audit/audit";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import type { AppDeps, AppEnv } from "../http/app-env";
import { clientAddress } from "../http/client-address";
import { ApiError, ErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { uuidParam } from "../http/params";
import { tenantDetail } from "./tenant-detail.repository";
import { shopArchive } from "./tenant-archive";
import { closeShop, restoreShop } from "./tenant-close.service";
import { verifyShopDomain } from "./tenant-domain.service";
import { findTenantByDomain } from "./tenant.repository";
import { closeTenantSchema, domainSchema } from "./tenant.schema";
import { setShopDomain } from "./tenant.service";

const NO_TENANT = "No shop with that id.";
const tenantIdOf = (c: Context<AppEnv>) => uuidParam(c, "id", NO_TENANT);

/**
 * A shop's own domain and its end, for the platform owner (`/api/v1/admin/tenants/{id}/…`):
 * `PUT domain` sets or clears it, `POST domain/verify` checks that the host reaches this server,
 * `DELETE domain` removes it; `GET export` downloads every collection as a ZIP archive; `POST close`
 * closes the shop with a grace period, `POST restore` brings it back before its data is deleted.
 */
export function tenantLifecycleRoutes(deps: AppDeps) {
  const context = (c: Context<AppEnv>) => ({ actor: actorOf(callerAs(c, "owner"), clientAddress(c, deps.trustProxy)), now: new Date() });
  const setDomain = async (c: Context<AppEnv>, domain: string | null) => {
    const id = tenantIdOf(c);
    if (domain !== null) {
      const holder = await findTenantByDomain(deps.db, domain);
      if (holder && holder.id !== id) throw new ApiError(ErrorCode.conflict, `${domain} already belongs to another shop.`);
    }
    const { actor, now } = context(c);
    const updated = await setShopDomain(deps.db, id, domain, actor, now);
    if (!updated) throw new ApiError(ErrorCode.not_found, NO_TENANT);
    return c.json(updated);
  };

  return new Hono<AppEnv>()
    .use(requireAuth(deps, ["owner"]))
    .put("/:id/domain", async (c) => setDomain(c, (await jsonBody(c, domainSchema)).domain))
    .delete("/:id/domain", async (c) => setDomain(c, null))
    .post("/:id/domain/verify", async (c) => c.json(await verifyShopDomain(deps, tenantIdOf(c), context(c))))
    .get("/:id/export", async (c) => {
      const id = tenantIdOf(c);
      const detail = await tenantDetail(deps.db, id);
      if (!detail) throw new ApiError(ErrorCode.not_found, NO_TENANT);
      const { actor, now } = context(c);
      await recordAuditNow(deps.db, id, { action: AuditAction.shopExported, actor, outcome: "ok", targets: [{ type: "tenant", id }] }, now);
      const name = `${detail.slug}-${now.toISOString().slice(0, 10)}.zip`;
      return new Response(shopArchive(deps.db, id), {
        headers: {
          "content-type": "application/zip",
          "content-disposition": `attachment; filename="${name}"`,
          "cache-control": "no-store",
        },
      });
    })
    .post("/:id/close", async (c) => {
      const body = await jsonBody(c, closeTenantSchema, { optional: true });
      const updated = await closeShop(deps.db, tenantIdOf(c), { ...body, ...context(c) });
      if (!updated) throw new ApiError(ErrorCode.not_found, NO_TENANT);
      return c.json(updated);
    })
    .post("/:id/restore", async (c) => {
      const updated = await restoreShop(deps.db, tenantIdOf(c), context(c));
      if (!updated) throw new ApiError(ErrorCode.conflict, "Only a closed shop whose data is not deleted yet can be restored.");
      return c.json(updated);
    });
}
