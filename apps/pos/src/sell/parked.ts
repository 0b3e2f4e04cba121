import { useSyncExternalStore } from "react";
import type { Cart } from "./cart";

/** A cart put aside (the customer went to fetch something) to serve the next one. */
export interface ParkedCart {
  readonly id: string;
  readonly parkedAt: string;
  readonly label: string;
  readonly cart: Cart;
}

const key = (deviceId: string) => `countertop.pos.parked.${deviceId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, ParkedCart[]>();

/** Parked carts of this till; they survive reloads and restarts of the tablet. */
export function loadParked(deviceId: string): ParkedCart[] {
  try {
    return JSON.parse(localStorage.getItem(key(deviceId)) ?? "[]") as ParkedCart[];
  } catch {
    return [];
  }
}

/** Replaces the parked carts of this till, and tells every screen showing them. */
export function saveParked(deviceId: string, parked: readonly ParkedCart[]): void {
  localStorage.setItem(key(deviceId), JSON.stringify(parked));
  cache.set(deviceId, [...parked]);
  listeners.forEach((l) => l());
}

/** Parks `cart` under `label` beside the till's other parked carts. */
export function parkCart(deviceId: string, entry: ParkedCart): void {
  saveParked(deviceId, [...loadParked(deviceId), entry]);
}

/** The parked carts of this till, live: parking from one screen shows on another. */
export function useParked(deviceId: string): readonly ParkedCart[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => {
      let value = cache.get(deviceId);
      if (!value) cache.set(deviceId, (value = loadParked(deviceId)));
      return value;
    },
  );
}
