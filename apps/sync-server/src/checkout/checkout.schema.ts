import { addressSchema, storable } from "@countertop/sync-protocol";
import { z } from "zod";

/** The body of `POST /api/v1/shop/{slug}/checkout`: what the shopper chose; prices come from the server. */
export const checkoutRequestSchema = z
  .strictObject({
    lines: z
      .array(z.strictObject({ variantId: z.string().min(1).max(100), qty: z.number().int().min(1).max(999) }))
      .min(1)
      .max(100),
    email: z.email().max(254),
    shippingOptionId: z.string().min(1).max(100),
    address: addressSchema.optional(),
    couponCode: z.string().trim().min(1).max(50).optional(),
    payment: z.discriminatedUnion("provider", [
      z.strictObject({ provider: z.literal("pay_later") }),
      z.strictObject({
        provider: z.literal("test_card"),
        card: z.strictObject({
          number: z.string().min(12).max(30),
          expiry: z.string().max(10).optional(),
          cvc: z.string().max(4).optional(),
        }),
      }),
    ]),
  })
  // Addresses are loose (a newer storefront may add fields): the whole body must still be storable.
  .check(storable);

/** @see checkoutRequestSchema */
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;
