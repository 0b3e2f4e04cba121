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
