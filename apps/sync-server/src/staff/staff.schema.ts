import { z } from "zod";

/** `PUT /api/v1/staff/{id}/pin`: the new PIN (cashier 4–8 digits, manager 6–8); the server hashes it. */
export const pinSchema = z.strictObject({ pin: z.string().max(20) });
