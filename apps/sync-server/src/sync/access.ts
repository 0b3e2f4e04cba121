import {
  SHOPPER_COLLECTIONS,
  type CollectionDocument,
  type CollectionName,
  type Product,
  type Promotion,
  type ReplicatedDocument,
  type Settings,
} from "@countertop/sync-protocol";
import type { Principal } from "../auth/token";

/** What a caller may see of a collection: which rows, and how each document is shown to it. */
export interface PullAccess<N extends CollectionName = CollectionName> {
  /** Restricts rows by a column, e.g. a shopper's own orders. `null` = sees nothing. */
  readonly only?: { readonly column: "id" | "customer_id"; readonly value: string | null };
  /** Rewrites a stored document for this caller (public fields, tombstones for hidden rows). */
  readonly show?: (doc: CollectionDocument<N>) => ReplicatedDocument;
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

function publicProduct(doc: Product): Product {
  const variants = doc.variants.map(({ cost: _cost, ...v }) => v);
  // A product leaving "active" must disappear from shoppers' replicas: it goes out as a tombstone.
  return { ...doc, variants, _deleted: doc._deleted || doc.status !== "active" };
}

function publicPromotion(doc: Promotion): Promotion {
  // Coupon codes are secrets the shop hands out; a coded promotion is not listed publicly.
  const { code, ...rest } = doc;
  return { ...rest, _deleted: doc._deleted || code !== undefined || !doc.active };
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
  orders: (customerId) => ({ only: { column: "customer_id", value: customerId } }),
  customers: (customerId) => ({ only: { column: "id", value: customerId } }),
};

/** Pull access per caller; `undefined` = this collection is not the caller's to read. */
export function pullAccess<N extends CollectionName>(principal: Principal, collection: N): PullAccess<N> | undefined {
  if (principal.kind === "device" || principal.kind === "manager") return {};
  if (principal.kind !== "shopper" || !SHOPPER_COLLECTIONS.includes(collection)) return undefined;
  const access = SHOPPER_ACCESS[collection] as ((customerId: string | null) => PullAccess<N>) | undefined;
  return access?.(principal.customerId ?? null) ?? {};
}
