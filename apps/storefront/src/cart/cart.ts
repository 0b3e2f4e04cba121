import { localStore } from "../shop/local-store";

/** A cart line: what the shopper chose; prices always come from the catalog (and the server at checkout). */
export interface CartItem {
  readonly variantId: string;
  readonly qty: number;
}

const cart = localStore<CartItem[]>("cart", []);

/** Replaces the cart; it persists in localStorage, so it survives offline reloads. */
export function setCart(slug: string, items: CartItem[]): void {
  cart.write(
    slug,
    items.filter((i) => i.qty > 0),
  );
}

export function addToCart(slug: string, variantId: string, qty = 1): void {
  const items = cart.read(slug);
  const line = items.find((i) => i.variantId === variantId);
  setCart(slug, line ? items.map((i) => (i === line ? { ...i, qty: Math.min(99, i.qty + qty) } : i)) : [...items, { variantId, qty }]);
}

/** The cart, live across components and tabs. */
export function useCart(slug: string): CartItem[] {
  return cart.use(slug);
}
