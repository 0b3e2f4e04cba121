import type { StandingSource } from "@countertop/ui";
import { useSyncExternalStore } from "react";
import type { Found } from "./catalog-lookup";
import type { ShopData } from "./shop-data";
import type { ShopSession } from "./session";

/** Everything the shop's pages run on, and where the catalog comes from now. */
export interface ShopState {
  readonly data: ShopData;
  /**
   * `snapshot`: the catalog the server put in the page (the first paint of a first visit);
   * `replica`: the browser's replica, which follows the shop live and browses offline;
   * `none`: neither yet (the service worker's shell while the replica opens).
   */
  readonly source: "snapshot" | "replica" | "none";
  /**
   * `data` holds the whole catalog: the page's snapshot had it all, or the replica has finished its
   * first sync (a large shop's page carries only its first products, and a replica on its first
   * sync only those it has pulled so far).
   */
  readonly complete: boolean;
  /** What the server found for the categories and searches asked about while the catalog was not complete. */
  readonly found: Found;
  /** The shopper's session with the shop, once the replica's module asked for it. */
  readonly session?: ShopSession | undefined;
  /** The replica's sync, watched for a suspended shop or a switched-off online shop. */
  readonly standing?: StandingSource | undefined;
  /** Why the shop can't be opened (no session: unknown, suspended, offline on a first visit). */
  readonly error?: string | undefined;
}

/** The shop's state, outside React: the replica's module, loaded after the first paint, writes it; the pages read it. */
export interface ShopStore {
  get(): ShopState;
  set(change: Partial<ShopState>): void;
  subscribe(listener: () => void): () => void;
}

export function createShopStore(initial: ShopState): ShopStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(change) {
      state = { ...state, ...change };
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The shop's state, re-rendering when it changes. */
export function useShopState(store: ShopStore): ShopState {
  return useSyncExternalStore(store.subscribe, store.get);
}
