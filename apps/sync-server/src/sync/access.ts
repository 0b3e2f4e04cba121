import {
  salesWindowStart,
  SHOPPER_COLLECTIONS,
  tombstoneOf,
  type CollectionDocument,
  type CollectionName,
  type Product,
  type Promotion,
  type ReplicatedDocument,
  type Settings,
  type WindowedCollection,
  WINDOWED_COLLECTIONS,
} from "@countertop/sync-protocol";
import type { Principal } from "../auth/token";

/** What a caller may see of a collection: which rows, and how each document is shown to it. */
export interface PullAccess<N extends CollectionName = CollectionName> {
  /** Restricts rows by a column (and its document field), e.g. a shopper's own orders. `null` = sees nothing. */
  readonly only?: { readonly column: "id" | "customer_id"; readonly field: "id" | "customerId"; readonly value: string | null };
  /** Rewrites a stored document for this caller (public fields, tombstones for hidden rows). */
  readonly show?: (doc: CollectionDocument<N>) => ReplicatedDocument;
  /**
   * Only rows from this moment on (`from`, ISO-8601) by their time `column`: the window of a till or
   * a desk, which drops older sales and stock movements anyway (so a big shop's first sync brings 90
   * days, not its whole history). Which rows a pull sends, never what a push answers about one
   * ({@link shownTo}).
   */
  readonly window?: { readonly column: (typeof WINDOW_COLUMNS)[keyof typeof WINDOW_COLUMNS]; readonly from: string };
}

/** Settings fields the public storefront needs; registers, receipt text and approval rules stay private. */
const PUBLIC_SETTINGS = [
  "id",
  "shopName",
  "currency",
  "locale",
  "taxMode",
  "taxRates",
  "defaultTaxRateId",
  "locations",
  "paymentMethods",
  "shippingOptions",
  "theme",
  "updatedAt",
  "_deleted",
] as const;

function publicProduct(doc: Product): ReplicatedDocument {
  // A product leaving "active" must disappear from shoppers' replicas, content and all: a bare tombstone.
  if (doc._deleted || doc.status !== "active") return tombstoneOf("products", doc.id);
  return { ...doc, variants: doc.variants.map(({ cost: _cost, ...v }) => v) };
}

function publicPromotion(doc: Promotion): ReplicatedDocument {
  // Coupon codes are secrets the shop hands out; a coded or inactive promotion is not listed publicly.
  if (doc._deleted || doc.code !== undefined || !doc.active) return tombstoneOf("promotions", doc.id);
  return doc;
}

/** The public subset of the settings: not a whole `Settings` document, which is why a shopper's replica is loose about it. */
function publicSettings(doc: Settings): ReplicatedDocument {
  return { id: doc.id, _deleted: doc._deleted, ...Object.fromEntries(PUBLIC_SETTINGS.filter((k) => k in doc).map((k) => [k, doc[k]])) };
}

/** How a shopper sees each collection they may read. */
const SHOPPER_ACCESS: { readonly [N in CollectionName]?: (customerId: string | null) => PullAccess<N> } = {
  products: () => ({ show: publicProduct }),
  promotions: () => ({ show: publicPromotion }),
  settings: () => ({ show: publicSettings }),
  orders: (customerId) => ({ only: { column: "customer_id", field: "customerId", value: customerId } }),
  customers: (customerId) => ({ only: { column: "id", field: "id", value: customerId } }),
};

/** The column of each time field a windowed collection is kept by ({@link WINDOWED_COLLECTIONS}, {@link PullAccess.window}). */
const WINDOW_COLUMNS = { createdAt: "created_at", occurredAt: "occurred_at" } as const satisfies Record<
  (typeof WINDOWED_COLLECTIONS)[WindowedCollection],
  string
>;

/**
 * Pull access per caller at `now`; `undefined` = this collection is not the caller's to read. The
 * shop's staff (a till's token, a manager's session) read every collection; sales and stock
 * movements within the window ({@link salesWindowStart}; older sales the server answers about on
 * request). Every sale line moves stock, so movements outnumber sales: without a window a till's
 * replica would grow with the shop's whole history.
 */
export function pullAccess<N extends CollectionName>(principal: Principal, collection: N, now = new Date()): PullAccess<N> | undefined {
  if (principal.kind === "device" || principal.kind === "manager") {
    if (!(collection in WINDOWED_COLLECTIONS)) return {};
    const column = WINDOW_COLUMNS[WINDOWED_COLLECTIONS[collection as WindowedCollection]];
    return { window: { column, from: salesWindowStart(now).toISOString() } };
  }
  if (principal.kind !== "shopper" || !SHOPPER_COLLECTIONS.includes(collection)) return undefined;
  const access = SHOPPER_ACCESS[collection] as ((customerId: string | null) => PullAccess<N>) | undefined;
  return access?.(principal.customerId ?? null) ?? {};
}

/**
 * A document as `principal` may see it: shown through their pull access, or a bare tombstone when
 * it is not theirs to read — what a push answers about a row, so a refused write never leaks.
 */
export function shownTo<N extends CollectionName>(principal: Principal, collection: N, doc: CollectionDocument<N>): ReplicatedDocument {
  const access = pullAccess(principal, collection);
  const field = access?.only?.field;
  if (!access || (field && (access.only?.value === null || doc[field] !== access.only?.value))) return tombstoneOf(collection, doc.id);
  return access.show ? access.show(doc) : doc;
}
