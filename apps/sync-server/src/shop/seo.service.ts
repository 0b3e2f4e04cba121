import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../http/app-env";
import { publicOrigin } from "../http/public-origin";
import { activeShopBySlug } from "./active-shop";
import { robotsTxt, sitemapXml } from "./seo";
import { readShopPages } from "./shop-snapshot.repository";

/** A shop's `sitemap.xml` or `robots.txt` at `base` (its path with its slash), for the shop at `slug`. */
export async function shopSeoFile(
  deps: Pick<AppDeps, "db" | "trustProxy">,
  c: Context<AppEnv>,
  slug: string,
  base: string,
  file: "sitemap.xml" | "robots.txt",
) {
  const shop = await activeShopBySlug(deps, slug);
  const shopUrl = `${publicOrigin(c, deps.trustProxy)}${base}`;
  c.header("Cache-Control", "no-cache");
  if (file === "robots.txt") return c.text(robotsTxt(base, `${shopUrl}sitemap.xml`));
  return c.body(sitemapXml(await readShopPages(deps.db, shop.id), shopUrl), 200, { "Content-Type": "application/xml; charset=utf-8" });
}
