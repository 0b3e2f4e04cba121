import type { z } from "zod";
import { storable } from "./storable.ts";
import { pushRequestSchema, type PushRequest } from "./wire/push-request.ts";
import type { CollectionName } from "./collection-names.ts";
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
 * The document schema of each collection: parse every pushed or pulled document with it. Each also
 * checks the whole document, unknown fields included, for what PostgreSQL cannot store and for
 * size and depth ({@link storable}).
 */
export const collectionSchemas = {
  products: productSchema.check(storable),
  categories: categorySchema.check(storable),
  sales: saleSchema.check(storable),
  stock_movements: stockMovementSchema.check(storable),
  stock_levels: stockLevelSchema.check(storable),
  shifts: shiftSchema.check(storable),
  orders: orderSchema.check(storable),
  customers: customerSchema.check(storable),
  staff: staffSchema.check(storable),
  settings: settingsSchema.check(storable),
  promotions: promotionSchema.check(storable),
  reconciliation: reconciliationSchema.check(storable),
} as const satisfies Record<CollectionName, z.ZodType<{ id: string; _deleted: boolean }>>;

/**
 * The document type of a collection.
 * @example
 * function upsert<N extends CollectionName>(name: N, doc: CollectionDocument<N>) { … }
 */
export type CollectionDocument<N extends CollectionName> = z.infer<(typeof collectionSchemas)[N]>;

/**
 * The body schema of `POST /sync/v1/{name}/push`, typed with the collection's documents.
 * @example
 * const rows = collectionPushSchema("sales").parse(body); // PushRow<Sale>[]
 */
export function collectionPushSchema<N extends CollectionName>(name: N): z.ZodType<PushRequest<CollectionDocument<N>>> {
  const rows = pushRequestSchema(collectionSchemas[name]).check((ctx) => {
    const ids = ctx.value.map((row) => (row.newDocumentState as { id: string }).id);
    const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (twice >= 0) {
      ctx.issues.push({
        code: "custom",
        message: `document ${ids[twice]} is in the push twice`,
        path: [twice, "newDocumentState", "id"],
        input: ctx.value,
      });
    }
    if (name === "products") {
      const seen = new Map<string, string>();
      ctx.value.forEach((row, i) => {
        const product = row.newDocumentState as { id: string; variants: { id: string }[] };
        product.variants.forEach((variant, k) => {
          const other = seen.get(variant.id);
          if (other !== undefined && other !== product.id) {
            ctx.issues.push({
              code: "custom",
              message: `variant ${variant.id} is also in product ${other}`,
              path: [i, "newDocumentState", "variants", k, "id"],
              input: ctx.value,
            });
          }
          seen.set(variant.id, product.id);
        });
      });
    }
  });
  // zod's inference cannot follow a generic index into `collectionSchemas`; the schema is that collection's own.
  return rows as z.ZodType<PushRequest<CollectionDocument<N>>>;
}
