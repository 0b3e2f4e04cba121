import { useSyncExternalStore } from "react";

/** A value a shop keeps in this browser's localStorage: read, written, and watched by components. */
export interface LocalStore<T> {
  read(slug: string): T;
  /**
   * Stores `value` (`undefined` removes it) and tells every watching component. Where the browser
   * won't store it, the value is kept for this tab only.
   */
  write(slug: string, value: T | undefined): void;
  /** The value, live across components — and across tabs, through the `storage` event. */
  use(slug: string): T;
}

/**
 * `localStorage.setItem`, except that where the browser won't store it (its storage full, or a
 * private window that refuses) the page goes on without it: a cart button that threw would do
 * nothing, and a checkout that threw after the order was placed would tell the shopper to order
 * again. Answers whether it was kept.
 */
export function keepInBrowser(key: string, text: string): boolean {
  try {
    localStorage.setItem(key, text);
    return true;
  } catch (error) {
    console.warn(`Could not keep ${key} in this browser`, error);
    return false;
  }
}

/**
 * A per-shop value under `countertop.shop.{slug}.{name}`, parsed once and cached, so reads are
 * cheap and stable for React; `fallback` stands in for a missing or unreadable value.
 */
export function localStore<T>(name: string, fallback: T): LocalStore<T> {
  const listeners = new Set<() => void>();
  const cache = new Map<string, T>();
  const key = (slug: string) => `countertop.shop.${slug}.${name}`;
  const read = (slug: string): T => {
    if (cache.has(slug)) return cache.get(slug)!;
    let value = fallback;
    try {
      const raw = localStorage.getItem(key(slug));
      if (raw !== null) value = JSON.parse(raw) as T;
    } catch {
      value = fallback;
    }
    cache.set(slug, value);
    return value;
  };
  return {
    read,
    write(slug, value) {
      cache.set(slug, value ?? fallback);
      if (value === undefined) localStorage.removeItem(key(slug));
      else keepInBrowser(key(slug), JSON.stringify(value));
      listeners.forEach((l) => l());
    },
    use(slug) {
      return useSyncExternalStore(
        (l) => {
          listeners.add(l);
          const storage = (e: StorageEvent) => e.key === key(slug) && (cache.delete(slug), l());
          window.addEventListener("storage", storage);
          return () => {
            listeners.delete(l);
            window.removeEventListener("storage", storage);
          };
        },
        () => read(slug),
      );
    },
  };
}
