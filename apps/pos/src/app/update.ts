import { useSyncExternalStore } from "react";
import type { Workbox } from "workbox-window";

/*
 * The app-update flow: a new service worker waits until the cashier chooses to reload, and the
 * offer only shows while no sale is in progress — a reload never eats a cart.
 */

let state = { updateWaiting: false, cartBusy: false };
let workbox: Workbox | undefined;
const listeners = new Set<() => void>();
const set = (next: Partial<typeof state>) => {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
};

/** Hooks the registered service worker into the flow. */
export function watchForUpdates(wb: Workbox | undefined): void {
  if (!wb) return;
  workbox = wb;
  wb.addEventListener("waiting", () => set({ updateWaiting: true }));
  wb.addEventListener("controlling", () => location.reload());
}

/** The sell screen says whether a sale is being built. */
export function setCartBusy(busy: boolean): void {
  if (state.cartBusy !== busy) set({ cartBusy: busy });
}

/** Activates the waiting version; the page reloads once it controls it. */
export function applyUpdate(): void {
  workbox?.messageSkipWaiting();
}

/** Whether to offer "new version — reload" now. */
export function useUpdateOffer(): boolean {
  const snapshot = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
  return snapshot.updateWaiting && !snapshot.cartBusy;
}
