import type { Cart } from "./cart";

/** A cart put aside (the customer went to fetch something) to serve the next one. */
export interface ParkedCart {
  readonly id: string;
  readonly parkedAt: string;
  readonly label: string;
  readonly cart: Cart;
}

const key = (deviceId: string) => `countertop.pos.parked.${deviceId}`;

/** Parked carts of this till; they survive reloads and restarts of the tablet. */
export function loadParked(deviceId: string): ParkedCart[] {
  try {
    return JSON.parse(localStorage.getItem(key(deviceId)) ?? "[]") as ParkedCart[];
  } catch {
    return [];
  }
}

/** Replaces the parked carts of this till. */
export function saveParked(deviceId: string, parked: readonly ParkedCart[]): void {
  localStorage.setItem(key(deviceId), JSON.stringify(parked));
}
