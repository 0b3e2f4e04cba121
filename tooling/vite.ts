import react from "@vitejs/plugin-react";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin, UserConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";
import { VitePWA, type ManifestOptions, type VitePWAOptions } from "vite-plugin-pwa";

type RuntimeCaching = NonNullable<NonNullable<VitePWAOptions["workbox"]>["runtimeCaching"]>[number];

/*
 * The apps load their vite.config.ts with `vite build --configLoader runner`: this file is TypeScript
 * inside a workspace package, which Vite's default loader would leave to Node to import (and Node 20
 * does not run .ts).
 */

/**
 * The shop's own images (`/media/{tenantId}/{sha256}.{ext}`): named by their content, so a cached
 * copy is never stale — served from the cache without asking the network, offline or not.
 */
export const mediaCaching: RuntimeCaching = {
  urlPattern: ({ url }) => /^\/media\/[0-9a-f-]{36}\/[0-9a-f]{64}\.(?:jpg|png|webp)$/.test(url.pathname),
  handler: "CacheFirst",
  options: {
    cacheName: "shop-media",
    expiration: { maxEntries: 5000, maxAgeSeconds: 365 * 24 * 3600, purgeOnQuotaError: true },
    cacheableResponse: { statuses: [200] },
  },
};

/**
 * Product images, wherever the shop keeps them: shown from the cache at once (offline too) and
 * refreshed behind the scenes. Opaque cross-origin answers (status 0) are kept as well.
 */
export const productImageCaching: RuntimeCaching = {
  urlPattern: ({ request, url }) =>
    (request.destination === "image" && !url.pathname.includes("/_app/")) || url.pathname.startsWith("/media/"),
  handler: "StaleWhileRevalidate",
  options: {
    cacheName: "shop-images",
    expiration: { maxEntries: 2000, maxAgeSeconds: 60 * 24 * 3600, purgeOnQuotaError: true },
    cacheableResponse: { statuses: [0, 200] },
  },
};

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|wasm|txt)$/;
const MIN_BYTES = 1024;
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } };
const GZIP = { level: 9 };

/**
 * Every text asset of a build also written as `.br` (quality 11) and `.gz` (level 9) beside it, so
 * the server answers with the smaller file instead of compressing per request: the build pays once,
 * so the highest levels cost nothing at run time. Source maps are left out (read rarely, by people
 * debugging), and so are files under 1 KiB, where the headers outweigh the saving.
 * vite-plugin-compression2 does the bundle and the public folder; the service worker and workbox,
 * which vite-plugin-pwa writes after the bundle, are done once it has written them.
 */
export function precompressed(): Plugin[] {
  let outDir = "";
  return [
    compression({
      include: COMPRESSIBLE,
      threshold: MIN_BYTES,
      algorithms: [defineAlgorithm("brotliCompress", BROTLI), defineAlgorithm("gzip", GZIP)],
    }),
    {
      name: "countertop:precompress-service-worker",
      apply: "build",
      enforce: "post",
      configResolved(config) {
        outDir = path.resolve(config.root, config.build.outDir);
      },
      closeBundle: {
        sequential: true,
        order: "post",
        async handler() {
          for (const name of await readdir(outDir)) {
            const file = path.join(outDir, name);
            if (!COMPRESSIBLE.test(name) || existsSync(`${file}.br`)) continue;
            const source = await readFile(file);
            if (source.length < MIN_BYTES) continue;
            await writeFile(`${file}.br`, brotliCompressSync(source, BROTLI));
            await writeFile(`${file}.gz`, gzipSync(source, GZIP));
          }
        },
      },
    },
  ];
}

/** What differs between our three PWAs; everything else is shared below. */
export interface PwaAppOptions {
  /** Where the server mounts the app, with slashes: "/pos/". */
  readonly base: string;
  readonly manifest: Partial<ManifestOptions>;
  readonly port: number;
  /** Navigations answered with the cached shell; default every path under `base`. */
  readonly navigateFallbackAllowlist?: RegExp[];
  /** Caches filled at run time, e.g. the storefront's product images. */
  readonly runtimeCaching?: RuntimeCaching[];
}

/**
 * The Vite build of one of our PWAs (pos, storefront, admin): React, hashed assets under `_app/`
 * (served immutable), a precached app shell with a navigation fallback, and an update flow that
 * the app drives itself through workbox-window (`registerType: "prompt"`).
 */
export function pwaApp(options: PwaAppOptions): UserConfig {
  return {
    base: options.base,
    plugins: [
      react(),
      VitePWA({
        registerType: "prompt",
        injectRegister: false,
        includeAssets: ["icons/*.png", "icons/*.svg"],
        manifest: {
          start_url: options.base,
          scope: options.base,
          display: "standalone",
          background_color: "#f6f4ef",
          icons: [
            { src: "icons/icon-192.png", sizes: "192x192", type: "image/png" },
            { src: "icons/icon-512.png", sizes: "512x512", type: "image/png" },
            { src: "icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          ],
          ...options.manifest,
        },
        workbox: {
          // wasm: the POS camera scanner's decoder (~1 MB) must work offline too.
          globPatterns: ["**/*.{js,css,html,png,svg,woff2,webmanifest,wasm}"],
          maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
          // Relative to the service worker's own URL, so one build also works where the server mounts it elsewhere.
          navigateFallback: "index.html",
          navigateFallbackAllowlist: options.navigateFallbackAllowlist ?? [new RegExp(`^${options.base}`)],
          cleanupOutdatedCaches: true,
          ...(options.runtimeCaching ? { runtimeCaching: options.runtimeCaching } : {}),
        },
      }),
      ...precompressed(),
    ],
    build: { assetsDir: "_app", sourcemap: true, target: "es2022" },
    server: { port: options.port, proxy: { "/api": "http://localhost:8787", "/sync": "http://localhost:8787" } },
  };
}
