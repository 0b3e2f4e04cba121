import { z } from "zod";
import { FIGURE_WINDOWS, type FigureWindow } from "./rollups";

/** `GET /api/v1/admin/stats`: the days to show, and the currency (default: the one most shops use). */
export const statsQuerySchema = z.object({
  /** One of the periods the rollups keep: 7, 30, 90 or 365 days. */
  days: z.coerce
    .number()
    .refine((d): d is FigureWindow => (FIGURE_WINDOWS as readonly number[]).includes(d), "one of 7, 30, 90, 365")
    .default(30),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
});
