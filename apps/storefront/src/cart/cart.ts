import { useSyncExternalStore } from "react";

/** A cart line: what the shopper chose; prices always come from the catalog (and the server at checkout). */
export interface CartItem {
  readonly variantId: string;
  readonly qty: number;
}

const listeners = new Set<() => void>();
const cache = new Map<string, CartItem[]>();
const key = (slug: string) => `countertop.shop.${slug}.cart`;

function read(slug: string): CartItem[] {
  const hit = cache.get(slug);
  if (hit) return hit;
  let items: CartItem[] = [];
  try {
    items = JSON.parse(localStorage.getItem(key(slug)) ?? "[]") as CartItem[];
  } catch {
    items = [];
  }
  cache.set(slug, items);
  return items;
}

/** Replaces the cart; it persists in localStorage, so it survives offline reloads. */
export function setCart(slug: string, items: CartItem[]): void {
  const clean = items.filter((i) => i.qty > 0);
  cache.set(slug, clean);
  localStorage.setItem(key(slug), JSON.stringify(clean));
  listeners.forEach((l) => l());
}

export function addToCart(slug: string, variantId: string, qty = 1): void {
  const items = read(slug);
  const line = items.find((i) => i.variantId === variantId);
  setCart(slug, line ? items.map((i) => (i === line ? { ...i, qty: Math.min(99, i.qty + qty) } : i)) : [...items, { variantId, qty }]);
}

/** The cart, live across components (and tabs, on the next read). */
export function useCart(slug: string): CartItem[] {
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
}
