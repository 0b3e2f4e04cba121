import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../http/app-env";
import { findTenantByDomain } from "../tenants/tenant.repository";
import { hostName } from "./shop-domain";

/**
 * Where this shop's pages are, as the shopper reached them: its own domain's root, or
 * `/shop/{slug}/` on the platform's host — for the links the shop emails (sign-up, orders).
 */
export async function shopBase(
  deps: Pick<AppDeps, "db" | "trustProxy">,
  c: Context<AppEnv>,
  shop: { id: string; slug: string },
): Promise<string> {
  const url = new URL(c.req.url);
  const proto = (deps.trustProxy && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim()) || url.protocol.replace(":", "");
  const host = (deps.trustProxy && c.req.header("x-forwarded-host")) || c.req.header("host") || url.host;
  const onOwnDomain = (await findTenantByDomain(deps.db, hostName(host)))?.id === shop.id;
  return `${proto}://${host}${onOwnDomain ? "/" : `/shop/${shop.slug}/`}`;
}
