import { createReplicaDatabase, POS_COLLECTIONS } from "@countertop/replica";
import type { Shift, Staff } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { getRxStorageMemory } from "rxdb/plugins/storage-memory";
import { afterEach, beforeEach, vi } from "vitest";
import type { Till } from "../app/till";
import type { PosDatabase } from "../data/replica";

/*
 * Test helpers, never imported by the app: the till's replica in memory (closed after each test,
 * since RxDB opens at most 13 collections per process), a registration, its people and open shift,
 * and a localStorage.
 */

/** A registered till, as SetupScreen stores it. */
export const TEST_TILL: Till = {
  token: "header.payload.signature",
  deviceId: "0193a1b2-0000-7000-8000-0000000000d1",
  tenantId: "0193a1b2-0000-7000-8000-0000000000e1",
  locationId: "0193a1b2-0000-7000-8000-000000000001",
  name: "Front counter",
  code: "T1",
};

/** The shift open on {@link TEST_TILL}. */
export const TEST_SHIFT: Shift = { ...examples.shifts, status: "open", registerId: TEST_TILL.deviceId };

/** A cashier who sells and a manager who approves. */
export const TEST_CASHIER: Staff = { ...examples.staff, id: "0193a1b2-0000-7000-8000-0000000000c1", role: "cashier" };
export const TEST_MANAGER: Staff = { ...examples.staff, id: "0193a1b2-0000-7000-8000-0000000000c2", role: "manager" };

const open = new Set<PosDatabase>();
let counter = 0;

afterEach(async () => {
  const databases = [...open];
  open.clear();
  await Promise.all(databases.map((db) => db.close()));
});

/** A fresh in-memory replica with every collection the POS holds, closed after the current test. */
export async function openTestReplica(): Promise<PosDatabase> {
  const db = await createReplicaDatabase({
    name: `pos-test-${Date.now()}-${++counter}`,
    storage: getRxStorageMemory(),
    collections: POS_COLLECTIONS,
    multiInstance: false,
  });
  open.add(db);
  return db;
}

/** Gives each test of the calling file an empty localStorage of its own (Node has none). */
export function useMemoryLocalStorage(): void {
  beforeEach(() => {
    const items = new Map<string, string>();
    const storage: Pick<Storage, "getItem" | "setItem" | "removeItem" | "clear"> = {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, String(value)),
      removeItem: (key) => void items.delete(key),
      clear: () => items.clear(),
    };
    vi.stubGlobal("localStorage", storage);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
}
