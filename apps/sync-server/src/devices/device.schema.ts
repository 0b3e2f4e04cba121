import { z } from "zod";

/** `POST /api/v1/devices`: a tablet to register as a till, of a location (the shop's first when none is named). */
export const registerTillSchema = z.object({
  name: z.string().trim().min(1).max(60),
  locationId: z.string().min(1).max(100).optional(),
});

/** `PATCH /api/v1/devices/{id}`: a till's new name. */
export const renameTillSchema = z.strictObject({ name: z.string().trim().min(1).max(60) });
