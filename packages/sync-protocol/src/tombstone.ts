import type { CollectionName } from "./collection-names.ts";
import type { ReplicatedDocument } from "./documents/replicated-document.ts";

/*
 * What a client is sent about a document it may not see — a refused row the server has no copy of,
 * a draft product for a shopper: a tombstone with the id, `_deleted: true` and neutral values for
 * the fields a replica's schema requires (every replica indexes some of them), never content.
 */

const EPOCH = "1970-01-01T00:00:00.000Z";
const NONE = "-";

/** Neutral values of the fields each collection's replicas require, besides `id` and `_deleted`. */
const NEUTRAL: { readonly [N in CollectionName]: Readonly<Record<string, unknown>> } = {
  products: { name: NONE, status: "archived", updatedAt: EPOCH },
  categories: { name: NONE, updatedAt: EPOCH },
  sales: {
    kind: "sale",
    number: NONE,
    registerId: NONE,
    locationId: NONE,
    shiftId: NONE,
    staffId: NONE,
    lines: [],
    total: 0,
    payments: [],
    createdAt: EPOCH,
  },
  stock_movements: { locationId: NONE, variantId: NONE, delta: 0, reason: "adjust", occurredAt: EPOCH },
  stock_levels: { locationId: NONE, variantId: NONE, onHand: 0 },
  shifts: { registerId: NONE, locationId: NONE, status: "closed", openedBy: NONE, openedAt: EPOCH, openingFloat: 0 },
  orders: { number: NONE, status: "cancelled", lines: [], total: 0, createdAt: EPOCH },
  customers: { name: NONE },
  staff: { name: NONE, role: "cashier", active: false },
  settings: {},
  promotions: { name: NONE, kind: "order_percent", active: false },
  reconciliation: { kind: "late_sync", refId: NONE, status: "resolved", createdAt: EPOCH },
};

/**
 * A bare tombstone of a document of `collection`: its id, `_deleted: true` and neutral values only.
 * @example
 * tombstoneOf("products", "p1") // { id: "p1", _deleted: true, name: "-", status: "archived", updatedAt: "1970-01-01T00:00:00.000Z" }
 */
export function tombstoneOf(collection: CollectionName, id: string): ReplicatedDocument {
  return { id, _deleted: true, ...NEUTRAL[collection] };
}

/** The fields a tombstone of `collection` carries besides `id` and `_deleted`. */
export function tombstoneFields(collection: CollectionName): readonly string[] {
  return Object.keys(NEUTRAL[collection]);
}
