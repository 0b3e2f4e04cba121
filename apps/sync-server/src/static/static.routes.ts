import { existsSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Hono, MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/app-env";
import { varyOnEncoding } from "../http/compress";
import { cacheControl, notBuilt, PRECOMPRESSIBLE, readShell } from "./static-files";

/** A built single-page app and where it is mounted. */
interface SpaMount {
  /** URL prefix, e.g. "/pos". */
  readonly prefix: string;
  /** Build folder under the static root, e.g. "pos/dist". */
  readonly folder: string;
  /** Also mount per-tenant paths `/shop/{slug}/…` on the same build. */
  readonly perTenant?: boolean;
}

const MOUNTS: readonly SpaMount[] = [
  { prefix: "/pos", folder: "pos/dist" },
  { prefix: "/admin", folder: "admin/dist" },
  { prefix: "/shop", folder: "storefront/dist", perTenant: true },
];

const withCacheControl: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.ok) return;
  c.res.headers.set("Cache-Control", cacheControl(c.req.path));
  // The same URL answers br, gzip or plain by Accept-Encoding: caches must key on it.
  if (PRECOMPRESSIBLE.test(c.res.headers.get("Content-Type") ?? "")) varyOnEncoding(c.res.headers);
};

/** Built files served from disk, with their `.br` / `.gz` twins from the build when the client takes them. */
const builtFiles = (root: string, rewriteRequestPath: (path: string) => string) =>
  serveStatic<AppEnv>({ root, rewriteRequestPath, precompressed: true });

/** Answers a page of one shop with its built shell (the shop's catalog put in: `answerShopPage`). */
export type ShopPageAnswer = (c: Context<AppEnv>, shell: string, slug: string) => Promise<Response>;

/**
 * Serves the built PWAs: files first, then the app's index.html for any other GET under its prefix
 * (client-side routes). Missing builds answer 503 with a hint instead of a blank page. A shop's
 * pages `/shop/{slug}/…` go through `shopPage` when given.
 */
export function mountStaticApps(app: Hono<AppEnv>, staticRoot: string | undefined, shopPage?: ShopPageAnswer): void {
  for (const mount of MOUNTS) {
    const root = staticRoot ? path.join(staticRoot, mount.folder) : undefined;
    const shell = (c: Context<AppEnv>) => {
      const html = readShell(root);
      if (html === undefined) return notBuilt(c, mount.prefix);
      const slug = mount.perTenant ? c.req.param("slug") : undefined;
      if (!slug) return c.html(html);
      // Each shop installs as its own app: its shell links its own manifest (name, start_url, scope).
      const linked = html.replace(`href="${mount.prefix}/manifest.webmanifest"`, `href="${mount.prefix}/${slug}/manifest.webmanifest"`);
      return shopPage ? shopPage(c, linked, slug) : c.html(linked);
    };
    const files: MiddlewareHandler<AppEnv> =
      root && existsSync(root) ? builtFiles(root, (p) => p.slice(mount.prefix.length) || "/") : (_c, next) => next();
    app.get(mount.prefix, (c) => c.redirect(`${mount.prefix}/`, 301));
    app.use(`${mount.prefix}/*`, withCacheControl);
    if (mount.perTenant) {
      app.get(`${mount.prefix}/:slug{[a-z0-9][a-z0-9-]*}`, (c) => c.redirect(`${c.req.path}/`, 301));
      // /shop/_app/…, /shop/sw.js: the shared build's files. /shop/{slug}/…: the tenant's shell.
      app.get(`${mount.prefix}/:file{[^/]+\\.[a-z0-9]+}`, files);
      app.get(`${mount.prefix}/_app/*`, files);
      // The shell's favicon and touch icon (`/shop/icons/…`): files, never a shop called "icons".
      app.get(`${mount.prefix}/icons/*`, files);
      app.get(`${mount.prefix}/:slug{[a-z0-9][a-z0-9-]*}/*`, async (c, next) => {
        const slug = c.req.param("slug");
        const rest = c.req.path.slice(`${mount.prefix}/${slug}`.length) || "/";
        if (/\.[a-z0-9]+$/i.test(rest) && root && existsSync(path.join(root, rest))) {
          return builtFiles(root, () => rest)(c, next);
        }
        return shell(c);
      });
      app.get(`${mount.prefix}/`, shell);
      continue;
    }
    app.get(`${mount.prefix}/*`, files, shell);
  }
}
