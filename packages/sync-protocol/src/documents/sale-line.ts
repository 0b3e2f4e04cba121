import { z } from "zod";
import {
  basisPointsSchema,
  codeSchema,
  hasUniqueIds,
  idSchema,
  moneySchema,
  nameSchema,
  nonNegativeMoneySchema,
  positiveQuantitySchema,
} from "../primitives.ts";
import { manualDiscountSchema } from "./discount.ts";

/** The most lines one sale or order may carry. */
export const MAX_LINES = 500;

/**
 * One priced line of a sale or an order. Name, SKU, price and tax rate are copied from the catalog
 * at the time of sale, so a receipt never changes when the catalog does. `discount`, `tax` and
 * `total` are computed by `@countertop/domain`; the server re-checks them rather than the schema.
 */
export const saleLineSchema = z.looseObject({
  id: idSchema,
  variantId: idSchema,
  sku: codeSchema,
  name: nameSchema,
  qty: positiveQuantitySchema,
  unitPrice: nonNegativeMoneySchema,
  discount: moneySchema,
  taxRate: basisPointsSchema,
  tax: moneySchema,
  total: moneySchema,
  manualDiscount: manualDiscountSchema.optional(),
  categoryId: idSchema.optional(),
  /** What one unit cost the shop at the time of sale (the variant's `cost` then), for margin reports; absent when unknown. */
  unitCost: nonNegativeMoneySchema.optional(),
});

/** @see saleLineSchema */
export type SaleLine = z.infer<typeof saleLineSchema>;

/** One to {@link MAX_LINES} lines with distinct ids (stock movement ids are derived from them). */
export const saleLinesSchema = z.array(saleLineSchema).min(1).max(MAX_LINES).refine(hasUniqueIds, { message: "line ids must be unique" });
