import { localStore } from "../shop/local-store";

/** A cart line: what the shopper chose; prices always come from the catalog (and the server at checkout). */
export interface CartItem {
  readonly variantId: string;
  readonly qty: number;
}

/** The most of one item a cart holds, whatever the stock. */
export const MAX_QTY = 99;

const cart = localStore<CartItem[]>("cart", []);

/** Replaces the cart; it persists in localStorage, so it survives offline reloads. */
export function setCart(slug: string, items: CartItem[]): void {
  cart.write(
    slug,
    items.filter((i) => i.qty > 0),
  );
}

/** The cart's items now (outside React). */
export function readCart(slug: string): readonly CartItem[] {
  return cart.read(slug);
}

/**
 * Adds `qty` of a variant, never past `max` in the cart (what the shop has left); answers how many
 * the cart holds now.
 */
export function addToCart(slug: string, variantId: string, qty = 1, max = MAX_QTY): number {
  const items = cart.read(slug);
  const line = items.find((i) => i.variantId === variantId);
  const next = Math.max(0, Math.min(max, MAX_QTY, (line?.qty ?? 0) + qty));
  setCart(slug, line ? items.map((i) => (i === line ? { ...i, qty: next } : i)) : [...items, { variantId, qty: next }]);
  return next;
}

/** Sets one item's quantity (0 removes it). */
export function setQty(slug: string, variantId: string, qty: number): void {
  setCart(
    slug,
    cart.read(slug).map((i) => (i.variantId === variantId ? { ...i, qty: Math.max(0, Math.min(MAX_QTY, qty)) } : i)),
  );
}

/** Caps every item at what is left (`left(variantId)`); items with none left go. */
export function reduceToAvailable(slug: string, left: (variantId: string) => number): void {
  setCart(
    slug,
    cart.read(slug).map((i) => ({ ...i, qty: Math.min(i.qty, left(i.variantId)) })),
  );
}

/** The cart, live across components and tabs. */
export function useCart(slug: string): CartItem[] {
  return cart.use(slug);
}
