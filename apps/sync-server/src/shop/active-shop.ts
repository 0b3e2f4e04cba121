import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { assertModule } from "../plans/plan-limits";
import { findTenantBySlug, type TenantSummary } from "../tenants/tenant.repository";

const SLUG = /^[a-z0-9][a-z0-9-]{1,40}$/;

/**
 * The active shop at `slug` with its online shop switched on, for anonymous callers: 404 for an
 * unknown shop and for one that is suspended or closed (saying so), 403 `module_disabled` when its
 * plan has the online shop switched off.
 */
export async function activeShopBySlug(deps: Pick<AppDeps, "db">, slug: string): Promise<TenantSummary> {
  const tenant = SLUG.test(slug) ? await findTenantBySlug(deps.db, slug) : undefined;
  if (!tenant || tenant.status === "deleted") throw new ApiError(ErrorCode.not_found, `There is no shop at "${slug}".`);
  if (tenant.status !== "active") throw new ApiError(ErrorCode.not_found, `${tenant.name} is closed for now. Try again later.`);
  await assertModule(deps, tenant.id, "storefront");
  return tenant;
}
