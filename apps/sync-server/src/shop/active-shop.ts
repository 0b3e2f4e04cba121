import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { findTenantBySlug, type TenantSummary } from "../tenants/tenant.repository";

const SLUG = /^[a-z0-9][a-z0-9-]{1,40}$/;

/** The active shop at `slug`, for anonymous callers; 404 for an unknown and a suspended shop alike. */
export async function activeShopBySlug(deps: Pick<AppDeps, "db">, slug: string): Promise<TenantSummary> {
  const tenant = SLUG.test(slug) ? await findTenantBySlug(deps.db, slug) : undefined;
  if (!tenant || tenant.status !== "active") throw new ApiError(ErrorCode.not_found, `There is no shop at "${slug}".`);
  return tenant;
}
