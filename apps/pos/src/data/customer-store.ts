import type { Customer } from "@countertop/sync-protocol";
import type { RxCollection } from "rxdb";
import type { PosDatabase } from "./replica";
import { memoryOf, ReplicaMemory, useMemory, type MemoryState } from "./replica-memory";
import { keptText, textFilter, type TextFilter } from "./text-filter";

/** The shop's customers in memory: every one the replica holds (merged ones too), to list and to find. */
export interface CustomerIndex {
  /** In name order (as a person reads names: case and accents aside, numbers by value), then by id. */
  readonly customers: readonly Customer[];
  /** The customers whose name, email or phone contains the query (a phone also by its digits alone), in name order. */
  readonly find: TextFilter<Customer>;
}

const names = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

function byName(a: Customer, b: Customer): number {
  return names.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A customer's lower-cased search text: name, email, phone, and the phone's digits alone ("07700 900123" is found by "07700900"). */
const customerText = keptText((c: Customer) =>
  [c.name, c.email ?? "", c.phone ?? "", c.phone?.replace(/\D/g, "") ?? ""].join("\u0000").toLowerCase(),
);

/** Indexes `customers` (in any order; sorted in place). */
export function indexCustomers(customers: Customer[]): CustomerIndex {
  const sorted = customers.sort(byName);
  return { customers: sorted, find: textFilter(sorted, customerText) };
}

/** The customers as they stand. */
export type CustomersState = MemoryState<CustomerIndex>;

/**
 * The replica's customers in memory ({@link ReplicaMemory}), for the till's customer dialog and
 * manager mode's customers: a shop's thousands are read in slices between a cashier's taps, once,
 * and then searched per keystroke in memory, where each dialog used to read them all again as RxDB
 * documents and filter every one of them on each key.
 */
export class CustomerStore extends ReplicaMemory<Customer, CustomerIndex> {
  constructor(db: PosDatabase) {
    super({
      collection: db.customers as unknown as RxCollection,
      holds: () => true,
      prepare: customerText,
      index: indexCustomers,
      name: "customers",
    });
  }
}

/** The customer store of `db`, reading from the first call on. */
export const customerStore = (db: PosDatabase) => memoryOf(db, CustomerStore);

/** The customers of `db` as they stand, re-rendering when they change. */
export const useCustomers = (db: PosDatabase): CustomersState => useMemory(db, CustomerStore);
