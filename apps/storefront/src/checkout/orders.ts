import type { Order } from "@countertop/sync-protocol";
import { keepInBrowser } from "../shop/local-store";

/** An order as this browser saved it at checkout, with the key of its signed link (a guest's way to follow it). */
export type SavedOrder = Order & { readonly linkKey?: string | undefined };

const key = (slug: string) => `countertop.shop.${slug}.orders`;

/** Orders placed from this browser, newest first (a guest has no account to list them from). */
export function loadOrders(slug: string): SavedOrder[] {
  try {
    return JSON.parse(localStorage.getItem(key(slug)) ?? "[]") as SavedOrder[];
  } catch {
    return [];
  }
}

/**
 * Keeps an order placed here (the newest 50), with its link key when the shop gave one. Where the
 * browser won't keep it, the order is placed all the same: its page opens from its link.
 */
export function saveOrder(slug: string, order: Order, linkKey?: string): void {
  const saved: SavedOrder = linkKey ? { ...order, linkKey } : order;
  keepInBrowser(key(slug), JSON.stringify([saved, ...loadOrders(slug).filter((o) => o.id !== order.id)].slice(0, 50)));
}
