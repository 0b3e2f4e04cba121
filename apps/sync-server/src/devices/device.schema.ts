import { z } from "zod";

/** `POST /api/v1/devices`: a tablet to register as a till, of a location (the shop's first when none is named). */
export const registerTillSchema = z.object({
  name: z.string().trim().min(1).max(60),
  locationId: z.string().min(1).max(100).optional(),
});
