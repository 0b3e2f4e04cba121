import { Workbox } from "workbox-window";

/**
 * Registers the precaching service worker in production builds, so the app shell loads with no
 * network. Updates wait until the app says it is safe to reload (see `registerType: "prompt"`).
 */
export function registerServiceWorker(): Workbox | undefined {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return undefined;
  // On a shop's own domain the shell is served at the root, and so is the service worker.
  const base = document.querySelector('meta[name="countertop-shop"]') ? "/" : import.meta.env.BASE_URL;
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  void wb.register();
  return wb;
}
