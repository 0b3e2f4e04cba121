import { z } from "zod";

/** `PUT /api/v1/staff/{id}/pin`: the new PIN (cashier 4–8 digits, manager 6–8); the server hashes it. */
export const pinSchema = z.strictObject({ pin: z.string().max(20) });

/** `POST /api/v1/staff`: a new cashier or manager (a manager may also get an email and password to sign in with). */
export const personSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(["cashier", "manager"]),
  pin: z.string().max(20),
  email: z.email().max(254).optional(),
  password: z.string().min(10, "use at least 10 characters").max(200).optional(),
});
