import type { CollectionName } from "@countertop/sync-protocol";
import { categoriesSchema } from "./categories.schema.ts";
import { customersSchema } from "./customers.schema.ts";
import type { ReplicaJsonSchema } from "./document-schema.ts";
import { ordersSchema } from "./orders.schema.ts";
import { productsSchema } from "./products.schema.ts";
import { promotionsSchema } from "./promotions.schema.ts";
import { reconciliationSchema } from "./reconciliation.schema.ts";
import { salesSchema } from "./sales.schema.ts";
import { settingsSchema } from "./settings.schema.ts";
import { shiftsSchema } from "./shifts.schema.ts";
import { staffSchema } from "./staff.schema.ts";
import { stockLevelsSchema } from "./stock-levels.schema.ts";
import { stockMovementsSchema } from "./stock-movements.schema.ts";

/**
 * The RxDB schema of every replicated collection, all at version 0.
 * @example
 * await database.addCollections({ sales: { schema: rxSchemas.sales } });
 */
export const rxSchemas: { readonly [N in CollectionName]: ReplicaJsonSchema<N> } = {
  products: productsSchema,
  categories: categoriesSchema,
  sales: salesSchema,
  stock_movements: stockMovementsSchema,
  stock_levels: stockLevelsSchema,
  shifts: shiftsSchema,
  orders: ordersSchema,
  customers: customersSchema,
  staff: staffSchema,
  settings: settingsSchema,
  promotions: promotionsSchema,
  reconciliation: reconciliationSchema,
};
