import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../http/app-env";
import { shopSeoFile } from "./seo.service";

/** The platform's own `robots.txt`: the shops may be crawled, the apps and APIs not. */
const PLATFORM_ROBOTS = [
  "User-agent: *",
  "Allow: /shop/",
  "Disallow: /pos/",
  "Disallow: /admin/",
  "Disallow: /api/",
  "Disallow: /sync/",
  "",
].join("\n");

/**
 * `GET /shop/{slug}/sitemap.xml` and `/shop/{slug}/robots.txt` on the platform's host, and the
 * platform's own `GET /robots.txt`. (On a shop's own domain they are at its root: `shopDomains`.)
 */
export function seoRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get("/robots.txt", (c) => c.text(PLATFORM_ROBOTS))
    .get("/shop/:slug/:file{sitemap\\.xml|robots\\.txt}", (c) => {
      const slug = c.req.param("slug");
      return shopSeoFile(deps, c, slug, `/shop/${slug}/`, c.req.param("file") as "sitemap.xml" | "robots.txt");
    });
}
