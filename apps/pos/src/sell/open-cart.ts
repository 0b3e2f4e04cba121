import type { Staff } from "@countertop/sync-protocol";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { LocalDatabase, OpenCartEntry } from "../data/local-db";
import { cartReducer, EMPTY_CART, type Cart, type CartAction } from "./cart";

/** The open cart of a register as stored, with the cart in the sell screen's shape. */
export type OpenCart = OpenCartEntry<Cart>;

/** The open cart of `registerId`, if a sale is in progress there. */
export async function loadOpenCart(local: LocalDatabase, registerId: string): Promise<OpenCart | undefined> {
  const entry = (await local.openCarts.get(registerId)) as OpenCart | undefined;
  return entry && entry.cart.lines.length > 0 ? entry : undefined;
}

/** Keeps the register's open cart; an empty cart removes it. */
export async function saveOpenCart(local: LocalDatabase, registerId: string, cart: Cart, staff: Pick<Staff, "id" | "name">): Promise<void> {
  if (cart.lines.length === 0 && !cart.customerId) {
    await local.openCarts.delete(registerId);
    return;
  }
  const entry: OpenCart = { registerId, cart, staffId: staff.id, staffName: staff.name, updatedAt: new Date().toISOString() };
  await local.openCarts.put(entry);
}

/** What {@link useOpenCart} gives the sell screen. */
export interface OpenCartState {
  /** `undefined` until the stored cart is read: the screen waits rather than show an empty cart. */
  readonly cart: Cart | undefined;
  readonly dispatch: (action: CartAction) => void;
  /** Another cashier's sale found on unlocking: whose it is, until this cashier continues or parks it. */
  readonly takeOver: OpenCart | undefined;
  /** This cashier continues the other's sale. */
  readonly adopt: () => void;
}

/**
 * The register's cart, durable: read from the till's local store when the sell screen opens and
 * written on every change, so it survives a lock, a reload (a crash, a battery swap, an update),
 * the browser's Back — offline too. When the stored sale was another cashier's, `takeOver` says so.
 */
export function useOpenCart(local: LocalDatabase, registerId: string, staff: Pick<Staff, "id" | "name">): OpenCartState {
  const [cart, dispatchCart] = useReducer(cartReducer, EMPTY_CART);
  const [loaded, setLoaded] = useState(false);
  const [takeOver, setTakeOver] = useState<OpenCart>();
  // Writes go out one after the other, so the last change is the one stored.
  const writes = useRef<Promise<void>>(Promise.resolve());
  const staffRef = useRef(staff);
  staffRef.current = staff;

  useEffect(() => {
    let cancelled = false;
    void loadOpenCart(local, registerId).then((entry) => {
      if (cancelled) return;
      if (entry) dispatchCart({ type: "resume", cart: entry.cart });
      if (entry && entry.staffId !== staffRef.current.id) setTakeOver(entry);
      setLoaded(true);
    });
    return () => {
      cancelled = true;
    };
  }, [local, registerId]);

  useEffect(() => {
    // Until this cashier takes the other's sale on, it stays stored under their name.
    if (!loaded || takeOver) return;
    const owner = staffRef.current;
    writes.current = writes.current.then(() => saveOpenCart(local, registerId, cart, owner)).catch(() => undefined);
  }, [cart, loaded, takeOver, local, registerId]);

  const dispatch = useCallback((action: CartAction) => {
    dispatchCart(action);
    // Parking or clearing the other cashier's sale answers the question too.
    if (action.type === "clear" || action.type === "resume") setTakeOver(undefined);
  }, []);
  return { cart: loaded ? cart : undefined, dispatch, takeOver, adopt: () => setTakeOver(undefined) };
}
