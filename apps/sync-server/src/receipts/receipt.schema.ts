import { z } from "zod";

/** `POST /api/v1/receipts/email`: the synced sale whose receipt to email, and to whom. */
export const emailReceiptSchema = z.strictObject({
  saleId: z.string().min(1).max(200),
  to: z.email().max(254),
});
