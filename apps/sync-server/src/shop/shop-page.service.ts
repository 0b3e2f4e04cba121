import type { ShopSnapshot } from "@countertop/sync-protocol";
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError } from "../http/errors";
import { publicOrigin } from "../http/public-origin";
import type { TenantSummary } from "../tenants/tenant.repository";
import { activeShopBySlug } from "./active-shop";
import { pageAsk, renderShopPage } from "./shop-page";
import { readShopSnapshot, type SnapshotAsk } from "./shop-snapshot.repository";

/**
 * The shop at `slug` and its catalog snapshot (with what `ask` names), or `undefined` when it is not
 * open online (unknown, suspended, closed, module off).
 */
export async function openShopSnapshot(
  deps: Pick<AppDeps, "db">,
  slug: string,
  ask: SnapshotAsk = {},
): Promise<{ shop: TenantSummary; snapshot: ShopSnapshot } | undefined> {
  let shop: TenantSummary;
  try {
    shop = await activeShopBySlug(deps, slug);
  } catch (error) {
    if (error instanceof ApiError) return undefined;
    throw error;
  }
  const snapshot = await readShopSnapshot(deps.db, shop.id, ask);
  return snapshot && { shop, snapshot };
}

/**
 * Answers a page of the shop at `slug` with the storefront's built `shell`: for a shop that is open
 * online, the page rendered with its catalog ({@link renderShopPage}); for any other the bare shell,
 * as before, whose app then tells the shopper why the shop can't be opened. `base` is the shop's
 * path with its slash (`/shop/{slug}/`, or `/` on its own domain).
 */
export async function answerShopPage(
  deps: Pick<AppDeps, "db" | "trustProxy">,
  c: Context<AppEnv>,
  shell: string,
  slug: string,
  base: string,
) {
  const url = new URL(c.req.url);
  const rest = url.pathname.slice(base.length - 1) || "/";
  const open = await openShopSnapshot(deps, slug, pageAsk(rest, url.searchParams));
  if (!open) return c.html(shell);
  const page = renderShopPage(shell, open.snapshot, {
    origin: publicOrigin(c, deps.trustProxy),
    base,
    rest,
    query: url.searchParams,
  });
  return c.html(page.html, page.status);
}
