import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ErrorCode } from "../http/errors";
import { cacheControl, notBuilt, readShell } from "../static/static-files";
import { ALL_TENANTS, TENANT_CHANGED } from "../sync/change-feed";
import { findTenantByDomain } from "../tenants/tenant.repository";
import { shopManifest } from "./manifest";
import { shopSeoFile } from "./seo.service";
import { answerShopPage } from "./shop-page.service";

/** Paths that stay the platform's on every host name: the APIs and the other apps. */
const PLATFORM_PATHS = /^\/(api|sync|health|media|shop|pos|admin)(\/|$)/;
/** The storefront build's own files, served at the root of a shop's domain. */
const BUILD_FILES = /^\/(_app\/.+|icons\/.+|sw\.js|workbox-[\w-]+\.js)(\.map)?$/;
const CACHE_MS = 30_000;

type HostShop = { id: string; slug: string; name: string } | null;

/**
 * Which active shop answers at a host name; remembered for 30 s (misses too) so assets cost no query.
 * Each process remembers its own answers: a shop suspended, or given a domain, through any process is
 * announced on the change feed, and every process forgets them all at once (also after its feed
 * reconnects, when announcements may have been missed) — the 30 s are only a backstop.
 */
function hostLookup(deps: Pick<AppDeps, "db" | "changes">) {
  const cache = new Map<string, { shop: HostShop; until: number }>();
  let listening = false;
  return async (host: string): Promise<HostShop> => {
    // From the first lookup on (before it, there is nothing to forget).
    if (!listening) {
      listening = true;
      deps.changes.subscribe(ALL_TENANTS, (change) => {
        if (change.collections === "*" || change.collections.includes(TENANT_CHANGED)) cache.clear();
      });
    }
    const hit = cache.get(host);
    if (hit && hit.until > Date.now()) return hit.shop;
    const row = await findTenantByDomain(deps.db, host);
    const shop = row && row.status === "active" ? { id: row.id, slug: row.slug, name: row.name } : null;
    if (cache.size > 5_000) cache.clear();
    cache.set(host, { shop, until: Date.now() + CACHE_MS });
    return shop;
  };
}

/** The host name of a request, lower-case and without its port. */
export function hostName(header: string | undefined): string {
  return (header ?? "").toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
}

/**
 * A shop on its own domain (`tenants.domain`, set by the platform owner): at `https://{domain}/` the
 * storefront is served at the root — its shell names the shop in a `<meta name="countertop-shop">`,
 * its manifest has `start_url` and `scope` `/`, and its service worker sits at `/sw.js` so the shop
 * browses offline there too. The APIs keep their paths on every host.
 */
export function shopDomains(deps: Pick<AppDeps, "db" | "staticRoot" | "changes" | "trustProxy">): MiddlewareHandler<AppEnv> {
  const lookup = hostLookup(deps);
  const root = deps.staticRoot ? path.join(deps.staticRoot, "storefront/dist") : undefined;
  const files = root ? serveStatic<AppEnv>({ root }) : undefined;
  return async (c, next) => {
    if ((c.req.method !== "GET" && c.req.method !== "HEAD") || PLATFORM_PATHS.test(c.req.path)) return next();
    const shop = await lookup(hostName(c.req.header("host")));
    if (!shop) return next();
    if (c.req.path === "/manifest.webmanifest") return shopManifest(deps, shop, "/");
    if (c.req.path === "/sitemap.xml" || c.req.path === "/robots.txt")
      return shopSeoFile(deps, c, shop.slug, "/", c.req.path === "/sitemap.xml" ? "sitemap.xml" : "robots.txt");
    if (BUILD_FILES.test(c.req.path) && files) {
      const res = await files(c, async () => undefined);
      if (!res) return c.json({ error: { code: ErrorCode.not_found, message: "There is no such file." } }, 404);
      res.headers.set("Cache-Control", cacheControl(c.req.path));
      return res;
    }
    const shell = readShell(root);
    if (shell === undefined) return notBuilt(c, "/");
    const html = shell.replaceAll('="/shop/', '="/').replace("</head>", `<meta name="countertop-shop" content="${shop.slug}"></head>`);
    c.header("Cache-Control", "no-cache");
    return answerShopPage(deps, c, html, shop.slug, "/");
  };
}
