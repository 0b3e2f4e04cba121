import type { Product } from "@countertop/sync-protocol";

/** The service worker's cache of product images (see the storefront's Vite config). */
const CACHE = "shop-images";
const AT_ONCE = 4;
/**
 * The most pictures fetched ahead: a shop's whole catalog as most shops have it, well inside the
 * service worker's 2 000 (tooling/vite.ts). A catalog of thousands is not downloaded onto a phone
 * whole; its pictures come as they are seen.
 */
const AT_MOST = 500;

/**
 * Fetches, when the browser is idle, every product image the cache does not hold yet and stores it
 * where the service worker looks for images, so product pages show their pictures offline after one
 * visit — not only the ones that were scrolled past: the first {@link AT_MOST} products' (in the
 * catalog's order), none when the browser asks to save data. Waits for the service worker, which
 * serves them.
 */
export async function warmImageCache(products: readonly Product[], signal: AbortSignal): Promise<number> {
  if (!("caches" in window) || !("serviceWorker" in navigator) || !navigator.onLine) return 0;
  if ((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData) return 0;
  await navigator.serviceWorker.ready;
  const cache = await caches.open(CACHE);
  const urls = [...new Set(products.flatMap((p) => p.images.slice(0, 1)))].slice(0, AT_MOST).map((u) => new URL(u, location.href).href);
  const missing: string[] = [];
  for (const url of urls) if (!(await cache.match(url))) missing.push(url);
  let fetched = 0;
  for (let i = 0; i < missing.length && !signal.aborted; i += AT_ONCE) {
    await new Promise((resolve) =>
      "requestIdleCallback" in window ? requestIdleCallback(resolve, { timeout: 1000 }) : setTimeout(resolve, 50),
    );
    const batch = missing.slice(i, i + AT_ONCE);
    const results = await Promise.allSettled(
      batch.map(async (url) => {
        const res = await fetch(url, { signal, mode: "no-cors", priority: "low" } as RequestInit);
        if (res.ok || res.type === "opaque") await cache.put(url, res);
      }),
    );
    fetched += results.filter((r) => r.status === "fulfilled").length;
  }
  return fetched;
}
