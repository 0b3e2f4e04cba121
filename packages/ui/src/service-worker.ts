import { Workbox } from "workbox-window";

/**
 * Registers an app's precaching service worker (`{base}sw.js`, scoped to `base`), so its shell loads
 * with no network. Only when `enabled` (production builds: a dev server has no `sw.js`). Updates wait
 * until the app says it is safe to reload (the Vite config's `registerType: "prompt"`).
 *
 * @example
 * registerServiceWorker(import.meta.env.BASE_URL, import.meta.env.PROD);
 */
export function registerServiceWorker(base: string, enabled: boolean): Workbox | undefined {
  if (!enabled || !("serviceWorker" in navigator)) return undefined;
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  void wb.register();
  return wb;
}
