import { z } from "zod";
import { idSchema, nameSchema, nonNegativeMoneySchema, percentBpSchema, positiveQuantitySchema, timestampSchema } from "../primitives.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/**
 * How a promotion discounts: a share of the order, a fixed amount off the order, a share of one
 * category's lines, or "buy X get Y at `getPercent` off".
 */
export const promotionKindSchema = z.enum(["order_percent", "order_fixed", "category_percent", "buy_x_get_y"]);

/** @see promotionKindSchema */
export type PromotionKind = z.infer<typeof promotionKindSchema>;

const PERCENT_KINDS: readonly PromotionKind[] = ["order_percent", "category_percent"];

/**
 * An automatic or coupon (`code`) promotion (collection `promotions`). `value` is basis points for
 * the percent kinds and minor units for `order_fixed`; `buy_x_get_y` uses `buyQty`, `getQty` and
 * `getPercent` (10000 = free) over `variantIds` or `categoryId`.
 */
export const promotionSchema = replicatedDocumentSchema
  .extend({
    name: nameSchema,
    kind: promotionKindSchema,
    value: z.number().int().min(0),
    categoryId: idSchema.optional(),
    variantIds: z.array(idSchema).max(500).optional(),
    buyQty: positiveQuantitySchema.optional(),
    getQty: positiveQuantitySchema.optional(),
    getPercent: percentBpSchema.optional(),
    minSubtotal: nonNegativeMoneySchema.optional(),
    code: z.string().min(1).max(50).optional(),
    /**
     * A coupon's limit: how many online orders may carry its code in all (not cancelled or refunded;
     * checkouts paying hold a use). The server's checkout holds orders to it; tills take no codes.
     */
    usageLimit: positiveQuantitySchema.optional(),
    active: z.boolean(),
    startsAt: timestampSchema.optional(),
    endsAt: timestampSchema.optional(),
    updatedAt: timestampSchema,
  })
  .superRefine((promotion, ctx) => {
    if (PERCENT_KINDS.includes(promotion.kind) && promotion.value > 10_000) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "a percent promotion is at most 10000 bp" });
    }
    if (promotion.kind === "category_percent" && promotion.categoryId === undefined) {
      ctx.addIssue({ code: "custom", path: ["categoryId"], message: "category_percent needs a categoryId" });
    }
    if (promotion.kind === "buy_x_get_y" && (promotion.buyQty === undefined || promotion.getQty === undefined)) {
      ctx.addIssue({ code: "custom", path: ["buyQty"], message: "buy_x_get_y needs buyQty and getQty" });
    }
    if (promotion.startsAt && promotion.endsAt && Date.parse(promotion.endsAt) <= Date.parse(promotion.startsAt)) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "endsAt must be after startsAt" });
    }
  });

/** @see promotionSchema */
export type Promotion = z.infer<typeof promotionSchema>;
