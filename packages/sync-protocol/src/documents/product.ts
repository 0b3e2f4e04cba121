import { z } from "zod";
import {
  codeSchema,
  hasUniqueIds,
  idSchema,
  nameSchema,
  nonNegativeMoneySchema,
  nonNegativeQuantitySchema,
  timestampSchema,
  urlSchema,
} from "../primitives.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/** One sellable variant of a product (size, colour…). Stock is tracked per variant and location. */
export const variantSchema = z.looseObject({
  id: idSchema,
  sku: codeSchema,
  barcode: codeSchema.optional(),
  title: nameSchema,
  price: nonNegativeMoneySchema,
  trackStock: z.boolean(),
  cost: nonNegativeMoneySchema.optional(),
  /** Low-stock thresholds by location id: at or below this many on hand, the variant is low there. */
  lowStockAt: z.record(idSchema, nonNegativeQuantitySchema).optional(),
});

/** @see variantSchema */
export type Variant = z.infer<typeof variantSchema>;

/** Lifecycle of a product: only `active` products reach the storefront. */
export const productStatusSchema = z.enum(["draft", "active", "archived"]);

/** @see productStatusSchema */
export type ProductStatus = z.infer<typeof productStatusSchema>;

/** A catalog product with its variants embedded (collection `products`). Written by managers. */
export const productSchema = replicatedDocumentSchema.extend({
  name: nameSchema,
  status: productStatusSchema,
  categoryId: idSchema.optional(),
  taxRateId: idSchema,
  description: z.string().max(5000).optional(),
  images: z.array(urlSchema).max(20),
  variants: z.array(variantSchema).min(1).max(100).refine(hasUniqueIds, { message: "variant ids must be unique" }),
  updatedAt: timestampSchema,
});

/** @see productSchema */
export type Product = z.infer<typeof productSchema>;
