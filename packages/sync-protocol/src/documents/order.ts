import { z } from "zod";
import {
  codeSchema,
  currencySchema,
  emailSchema,
  idSchema,
  moneySchema,
  nonNegativeMoneySchema,
  shippingKindSchema,
  taxModeSchema,
  timestampSchema,
} from "../primitives.ts";
import { addressSchema } from "./address.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";
import { saleLinesSchema } from "./sale-line.ts";

/**
 * Where an order stands. Transitions are checked by the order state machine of
 * `@countertop/domain` on the server, not by this schema.
 */
export const orderStatusSchema = z.enum(["pending_payment", "paid", "ready_for_pickup", "shipped", "completed", "cancelled", "refunded"]);

/** @see orderStatusSchema */
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** The shipping option chosen at checkout, priced; `locationId` is the pickup location. */
export const orderShippingSchema = z.looseObject({
  optionId: idSchema,
  kind: shippingKindSchema,
  amount: nonNegativeMoneySchema,
  locationId: idSchema.optional(),
  address: addressSchema.optional(),
});

/** @see orderShippingSchema */
export type OrderShipping = z.infer<typeof orderShippingSchema>;

/** State of the online payment at the payment provider. */
export const orderPaymentStatusSchema = z.enum(["pending", "authorized", "captured", "declined", "refunded"]);

/** The online payment of an order. */
export const orderPaymentSchema = z.looseObject({
  provider: z.string().min(1).max(50),
  status: orderPaymentStatusSchema,
  reference: z.string().max(200).optional(),
});

/** @see orderPaymentSchema */
export type OrderPayment = z.infer<typeof orderPaymentSchema>;

/**
 * A storefront order (collection `orders`), created by the server at checkout after re-pricing the
 * cart; managers move it through its statuses.
 */
export const orderSchema = replicatedDocumentSchema.extend({
  /** Shop-scoped order number as shown to the shopper, e.g. `"1042"`. */
  number: codeSchema,
  customerId: idSchema.optional(),
  email: emailSchema,
  status: orderStatusSchema,
  currency: currencySchema,
  taxMode: taxModeSchema,
  lines: saleLinesSchema,
  subtotal: moneySchema,
  discountTotal: moneySchema,
  shippingTotal: moneySchema,
  taxTotal: moneySchema,
  total: moneySchema,
  shipping: orderShippingSchema,
  payment: orderPaymentSchema,
  couponCode: z.string().min(1).max(50).optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** @see orderSchema */
export type Order = z.infer<typeof orderSchema>;
