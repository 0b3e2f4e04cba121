import type { z } from "zod";
import { categorySchema } from "./documents/category.ts";
import { customerSchema } from "./documents/customer.ts";
import { orderSchema } from "./documents/order.ts";
import { productSchema } from "./documents/product.ts";
import { promotionSchema } from "./documents/promotion.ts";
import { reconciliationSchema } from "./documents/reconciliation.ts";
import { saleSchema } from "./documents/sale.ts";
import { settingsSchema } from "./documents/settings.ts";
import { shiftSchema } from "./documents/shift.ts";
import { staffSchema } from "./documents/staff.ts";
import { stockLevelSchema } from "./documents/stock-level.ts";
import { stockMovementSchema } from "./documents/stock-movement.ts";

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

/** The document schema of each collection: parse every pushed or pulled document with it. */
export const collectionSchemas = {
  products: productSchema,
  categories: categorySchema,
  sales: saleSchema,
  stock_movements: stockMovementSchema,
  stock_levels: stockLevelSchema,
  shifts: shiftSchema,
  orders: orderSchema,
  customers: customerSchema,
  staff: staffSchema,
  settings: settingsSchema,
  promotions: promotionSchema,
  reconciliation: reconciliationSchema,
} as const satisfies Record<CollectionName, z.ZodType<{ id: string; _deleted: boolean }>>;

/**
 * The document type of a collection.
 * @example
 * function upsert<N extends CollectionName>(name: N, doc: CollectionDocument<N>) { … }
 */
export type CollectionDocument<N extends CollectionName> = z.infer<(typeof collectionSchemas)[N]>;

const names: ReadonlySet<string> = new Set(COLLECTIONS);

/**
 * Whether a URL segment names a replicated collection; the server answers 404 when it doesn't.
 * @example
 * if (!isCollectionName(c.req.param("collection"))) throw new HTTPException(404);
 */
export function isCollectionName(value: string): value is CollectionName {
  return names.has(value);
}
