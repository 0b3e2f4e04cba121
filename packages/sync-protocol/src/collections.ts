import type { z } from "zod";
import { pushRequestSchema, type PushRequest } from "./wire/push-request.ts";
import {
  COLLECTIONS,
  SHOPPER_COLLECTIONS,
  SHOPPER_OWN_COLLECTIONS,
  SHOPPER_PUBLIC_COLLECTIONS,
  SHOPPER_PUSH_COLLECTIONS,
  isCollectionName,
  type CollectionName,
} from "./collection-names.ts";
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

export {
  COLLECTIONS,
  SHOPPER_COLLECTIONS,
  SHOPPER_OWN_COLLECTIONS,
  SHOPPER_PUBLIC_COLLECTIONS,
  SHOPPER_PUSH_COLLECTIONS,
  isCollectionName,
  type CollectionName,
};

/**
 * The body schema of `POST /sync/v1/{name}/push`, typed with the collection's documents.
 * @example
 * const rows = collectionPushSchema("sales").parse(body); // PushRow<Sale>[]
 */
export function collectionPushSchema<N extends CollectionName>(name: N): z.ZodType<PushRequest<CollectionDocument<N>>> {
  // zod's inference cannot follow a generic index into `collectionSchemas`; the schema is that collection's own.
  return pushRequestSchema(collectionSchemas[name]) as z.ZodType<PushRequest<CollectionDocument<N>>>;
}
