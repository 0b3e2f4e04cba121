import { z } from "zod";

/** `GET /api/v1/admin/stats`: the days to show, and the currency (default: the one most shops use). */
export const statsQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(366).default(30),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
});
