import type { Order } from "@countertop/sync-protocol";

const key = (slug: string) => `countertop.shop.${slug}.orders`;

/** Orders placed from this browser, newest first (a guest has no account to list them from). */
export function loadOrders(slug: string): Order[] {
  try {
    return JSON.parse(localStorage.getItem(key(slug)) ?? "[]") as Order[];
  } catch {
    return [];
  }
}

export function saveOrder(slug: string, order: Order): void {
  localStorage.setItem(key(slug), JSON.stringify([order, ...loadOrders(slug).filter((o) => o.id !== order.id)].slice(0, 50)));
}
