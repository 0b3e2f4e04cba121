import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/** The storefront's production build. */
export const STOREFRONT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../apps/storefront/dist");

/** The most JavaScript, gzipped, that the storefront's product list may load before it is interactive (issue 17). */
export const FIRST_LOAD_BUDGET_KB = 100;

/** A script's size as the budget and `pnpm bench:storefront` count it: raw, and gzipped at level 9. */
export interface ScriptSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzBytes: number;
}

/** Sizes of one script's bytes, the one way every figure about scripts is counted. */
export function scriptSize(file: string, body: Buffer): ScriptSize {
  return { file, bytes: body.length, gzBytes: gzipSync(body, { level: 9 }).length };
}

/** Sum of the gzipped sizes, in KB with one decimal. */
export function totalKbGz(scripts: readonly ScriptSize[]): number {
  return Math.round(scripts.reduce((sum, s) => sum + s.gzBytes, 0) / 102.4) / 10;
}

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

/**
 * The first-load JavaScript of a Vite build: its HTML entry's chunk and every chunk that one imports
 * statically, transitively — what the page's `<script type="module">` and its `modulepreload`
 * links load before the app runs. Chunks behind a dynamic `import()` (the replica, checkout, the
 * account) load later and are not counted. Read from the build's `.vite/manifest.json`.
 */
export function firstLoadScripts(dist = STOREFRONT_DIST, html = "index.html"): ScriptSize[] {
  const manifest = JSON.parse(readFileSync(path.join(dist, ".vite", "manifest.json"), "utf8")) as Record<string, ManifestChunk>;
  const entry = manifest[html];
  if (!entry?.isEntry) throw new Error(`${dist}'s manifest has no entry for ${html}: build it with build.manifest`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(html);
  return [...seen]
    .filter((file) => file.endsWith(".js"))
    .map((file) => scriptSize(file, readFileSync(path.join(dist, file))))
    .sort((a, b) => b.gzBytes - a.gzBytes);
}
