import type { Principal } from "../auth/token";
import type { StoredDoc } from "../db/schema";
import type { CollectionTable } from "../documents/document.repository";

/** What a caller may see of a collection: which rows, and how each document is shown to it. */
export interface PullAccess {
  /** Restricts rows by a column, e.g. a shopper's own orders. `null` = sees nothing. */
  readonly only?: { readonly column: "id" | "customer_id"; readonly value: string | null };
  /** Rewrites a stored document for this caller (public fields, tombstones for hidden rows). */
  readonly show?: (doc: StoredDoc) => StoredDoc;
}

/** Collections a shopper's storefront replicates. */
export const SHOPPER_COLLECTIONS: ReadonlySet<string> = new Set([
  "products",
  "categories",
  "stock_levels",
  "settings",
  "promotions",
  "orders",
  "customers",
]);

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
];

function publicProduct(doc: StoredDoc): StoredDoc {
  const variants = Array.isArray(doc.variants) ? (doc.variants as StoredDoc[]).map(({ cost: _cost, ...v }) => v) : [];
  // A product leaving "active" must disappear from shoppers' replicas: it goes out as a tombstone.
  return { ...doc, variants, _deleted: doc._deleted === true || doc.status !== "active" };
}

function publicPromotion(doc: StoredDoc): StoredDoc {
  // Coupon codes are secrets the shop hands out; a coded promotion is not listed publicly.
  const { code, ...rest } = doc;
  return { ...rest, _deleted: doc._deleted === true || code !== undefined || doc.active !== true };
}

function publicSettings(doc: StoredDoc): StoredDoc {
  return Object.fromEntries(PUBLIC_SETTINGS.filter((k) => k in doc).map((k) => [k, doc[k]]));
}

/** Pull access per caller; `undefined` = this collection is not the caller's to read. */
export function pullAccess(principal: Principal, collection: CollectionTable): PullAccess | undefined {
  if (principal.kind === "device" || principal.kind === "manager") return {};
  if (principal.kind !== "shopper" || !SHOPPER_COLLECTIONS.has(collection)) return undefined;
  switch (collection) {
    case "products":
      return { show: publicProduct };
    case "promotions":
      return { show: publicPromotion };
    case "settings":
      return { show: publicSettings };
    case "orders":
      return { only: { column: "customer_id", value: principal.customerId ?? null } };
    case "customers":
      return { only: { column: "id", value: principal.customerId ?? null } };
    default:
      return {};
  }
}
