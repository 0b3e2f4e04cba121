import { Workbox } from "workbox-window";

/**
 * Registers the precaching service worker in production builds, so the app shell loads with no
 * network. Updates wait until the app says it is safe to reload (see `registerType: "prompt"`).
 */
export function registerServiceWorker(): Workbox | undefined {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return undefined;
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  void wb.register();
  return wb;
}
