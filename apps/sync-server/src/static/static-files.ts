import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Context } from "hono";
import { ErrorCode } from "../http/errors";

/** Hashed build output (under `_app/`) never changes; everything else — the shell, the service
 * worker, the manifest — must be revalidated so an update reaches the tills. */
export function cacheControl(urlPath: string): string {
  return /\/_app\/.+[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|webp)$/.test(urlPath)
    ? "public, max-age=31536000, immutable"
    : "no-cache";
}

/** Content types the build writes `.br` and `.gz` twins of (tooling/vite.ts `precompressed`). */
export const PRECOMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|wasm)|image\/svg\+xml)/i;

/** A built app's index.html from its build folder; `undefined` while the app is not built. */
export function readShell(root: string | undefined): string | undefined {
  const indexFile = root ? path.join(root, "index.html") : undefined;
  return indexFile && existsSync(indexFile) ? readFileSync(indexFile, "utf8") : undefined;
}

/** The answer for a page of an app that is not built: 503 with the command to run. */
export function notBuilt(c: Context, where: string): Response {
  return c.json({ error: { code: ErrorCode.not_built, message: `The app at ${where} is not built. Run "pnpm build".` } }, 503);
}
