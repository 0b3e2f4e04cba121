import { z } from "zod";
import {
  codeSchema,
  currencySchema,
  idSchema,
  moneySchema,
  nonNegativeMoneySchema,
  paymentMethodSchema,
  taxModeSchema,
  timestampSchema,
} from "../primitives.ts";
import { checkpointSchema } from "../wire/checkpoint.ts";
import { manualDiscountSchema } from "./discount.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";
import { saleLinesSchema } from "./sale-line.ts";

/** One payment of a sale; a split payment is several. `tendered` and `change` are for cash. */
export const salePaymentSchema = z.looseObject({
  method: paymentMethodSchema,
  amount: moneySchema,
  tendered: nonNegativeMoneySchema.optional(),
  change: nonNegativeMoneySchema.optional(),
  reference: z.string().max(200).optional(),
});

/** @see salePaymentSchema */
export type SalePayment = z.infer<typeof salePaymentSchema>;

/**
 * A manager's approval given at the till with their PIN, offline: tied to the one action it
 * approved (a discount over the shop's threshold on this sale, or this refund). A PIN grants no
 * power on the server; the server keeps the approval for the manager to review.
 */
export const saleApprovalSchema = z.looseObject({
  staffId: idSchema,
  action: z.enum(["discount", "refund"]),
  /** The line whose discount was approved; absent for the cart discount or a refund. */
  lineId: idSchema.optional(),
  at: timestampSchema,
});

/** @see saleApprovalSchema */
export type SaleApproval = z.infer<typeof saleApprovalSchema>;

/** A receipt (`sale`) or a refund, which is a new sale pointing at `originalSaleId`. */
export const saleKindSchema = z.enum(["sale", "refund"]);

/** @see saleKindSchema */
export type SaleKind = z.infer<typeof saleKindSchema>;

/**
 * A completed POS receipt or refund (collection `sales`). Immutable once written and never rejected
 * by the server for its arithmetic: the server re-prices it with `@countertop/domain` and raises a
 * `price_mismatch` reconciliation item instead. So only the shape is checked here, and amounts that
 * the domain computes (totals, tax, payment amounts) may carry either sign.
 */
export const saleSchema = replicatedDocumentSchema.extend({
  kind: saleKindSchema,
  status: z.literal("completed"),
  /** Register-scoped receipt number as printed, e.g. `"A-000042"`. */
  number: codeSchema,
  registerId: idSchema,
  locationId: idSchema,
  shiftId: idSchema,
  staffId: idSchema,
  customerId: idSchema.optional(),
  originalSaleId: idSchema.optional(),
  currency: currencySchema,
  taxMode: taxModeSchema,
  lines: saleLinesSchema,
  cartDiscount: manualDiscountSchema.optional(),
  promotionIds: z.array(idSchema).max(50).default([]),
  subtotal: moneySchema,
  discountTotal: moneySchema,
  taxTotal: moneySchema,
  /** Adjustment added to the total by cash rounding (e.g. -2 when 9.97 is rounded to 9.95). */
  cashRounding: moneySchema.optional(),
  total: moneySchema,
  payments: z.array(salePaymentSchema).max(20),
  /**
   * The catalog the till priced this sale with: the checkpoint (`seq`) of the products it had pulled,
   * and of the promotions. The server re-prices against that version, so a sale made offline on an
   * older catalog is not a price mismatch (it raises one `stale_catalog` item per till and change).
   */
  catalogSeq: checkpointSchema.shape.seq.optional(),
  promotionsSeq: checkpointSchema.shape.seq.optional(),
  /** The manager who approved an over-threshold discount or this refund at the till (the last, if several). */
  approvedBy: idSchema.optional(),
  /** Every approval given at the till for this sale, each tied to what it approved. */
  approvals: z.array(saleApprovalSchema).max(50).optional(),
  createdAt: timestampSchema,
});

/** @see saleSchema */
export type Sale = z.infer<typeof saleSchema>;
