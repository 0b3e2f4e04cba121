import { z } from "zod";
import { emailSchema, idSchema, nameSchema, noteSchema, phoneSchema, taxNumberSchema, timestampSchema } from "../primitives.ts";
import { addressSchema } from "./address.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/**
 * A customer (collection `customers`), created at the till, by a manager or by the shopper signing
 * up. Duplicates by email or phone are flagged for the manager, not rejected.
 */
export const customerSchema = replicatedDocumentSchema.extend({
  name: nameSchema,
  email: emailSchema.optional(),
  phone: phoneSchema.optional(),
  addresses: z.array(addressSchema).max(20),
  note: noteSchema.optional(),
  /** A business customer's VAT number, printed on their invoices. */
  taxNumber: taxNumberSchema.optional(),
  /** Set when a manager merged this customer into another (a duplicate): views follow it; sales keep their customer. */
  mergedInto: idSchema.optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** @see customerSchema */
export type Customer = z.infer<typeof customerSchema>;
