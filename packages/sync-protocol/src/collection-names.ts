/* The collection names, free of any schema: what a browser client needs without zod (see client.ts). */

/**
 * Every replicated collection, in the order clients open them. RxDB's free tier opens at most 13
 * collections per JS realm, so this list stays at 12 or fewer.
 */
export const COLLECTIONS = [
  "products",
  "categories",
  "sales",
  "stock_movements",
  "stock_levels",
  "shifts",
  "orders",
  "customers",
  "staff",
  "settings",
  "promotions",
  "reconciliation",
] as const;

/** The name of a replicated collection, as it appears in `/sync/v1/{collection}/…`. */
export type CollectionName = (typeof COLLECTIONS)[number];

const names: ReadonlySet<string> = new Set(COLLECTIONS);

/**
 * Whether a URL segment names a replicated collection; the server answers 404 when it doesn't.
 * @example
 * if (!isCollectionName(c.req.param("collection"))) throw new HTTPException(404);
 */
export function isCollectionName(value: string): value is CollectionName {
  return names.has(value);
}

/**
 * What a shopper's token reads of every shop: the public catalog, availability, the public subset of
 * the settings and the uncoded promotions. The server shows each document as the public sees it.
 */
export const SHOPPER_PUBLIC_COLLECTIONS = [
  "products",
  "categories",
  "stock_levels",
  "settings",
  "promotions",
] as const satisfies readonly CollectionName[];

/** What a signed-in shopper's token also reads: their own orders and their own profile. */
export const SHOPPER_OWN_COLLECTIONS = ["orders", "customers"] as const satisfies readonly CollectionName[];

/** Every collection a shopper's token may read ({@link SHOPPER_PUBLIC_COLLECTIONS} and {@link SHOPPER_OWN_COLLECTIONS}). */
export const SHOPPER_COLLECTIONS: readonly CollectionName[] = [...SHOPPER_PUBLIC_COLLECTIONS, ...SHOPPER_OWN_COLLECTIONS];

/** The only collection a shopper pushes: their own profile (orders are made by checkout). */
export const SHOPPER_PUSH_COLLECTIONS = ["customers"] as const satisfies readonly CollectionName[];

/**
 * What a till's device token may push (DESIGN's Authority): its sales, its register's shifts,
 * customers, and fulfilment moves of online orders. Everything else replicates to a till pull-only;
 * a manager's writes go out with their session instead.
 */
export const DEVICE_PUSH_COLLECTIONS = ["sales", "shifts", "customers", "orders"] as const satisfies readonly CollectionName[];
