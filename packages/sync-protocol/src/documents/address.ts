import { z } from "zod";
import { countrySchema, nameSchema, phoneSchema } from "../primitives.ts";

/** A postal address: shipping address of an order, saved address of a customer, a shop location. */
export const addressSchema = z.looseObject({
  name: nameSchema,
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).optional(),
  city: z.string().min(1).max(100),
  postalCode: z.string().min(1).max(20),
  region: z.string().max(100).optional(),
  country: countrySchema,
  phone: phoneSchema.optional(),
});

/** @see addressSchema */
export type Address = z.infer<typeof addressSchema>;
