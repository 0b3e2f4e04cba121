import { documentSchema } from "./document-schema.ts";
import { arrayOf, boolean, integer, name, objectOf, ref, text, timestamp, token } from "./fields.ts";

/**
 * `products`, variants embedded. Barcodes and SKUs live inside `variants`, which RxDB can't index:
 * build a lookup map from the live query for scanning.
 */
export const productsSchema = documentSchema<"products">({
  title: "products",
  properties: {
    name,
    status: token,
    categoryId: ref,
    taxRateId: text,
    description: text,
    images: arrayOf(text),
    variants: arrayOf(objectOf({ id: text, sku: text, barcode: text, title: text, price: integer, trackStock: boolean, cost: integer })),
    updatedAt: timestamp,
  },
  required: ["name", "status", "updatedAt"],
  indexes: ["name", ["status", "name"]],
});
