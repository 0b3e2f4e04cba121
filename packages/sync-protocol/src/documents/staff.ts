import { z } from "zod";
import { nameSchema, staffRoleSchema } from "../primitives.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/**
 * A staff member who unlocks a till with a PIN (collection `staff`). `pinHash` is replicated to the
 * tills so that PIN sign-in works offline; the PIN itself never leaves the device that set it.
 */
export const staffSchema = replicatedDocumentSchema.extend({
  name: nameSchema,
  role: staffRoleSchema,
  pinHash: z.string().min(1).max(500).optional(),
  active: z.boolean(),
});

/** @see staffSchema */
export type Staff = z.infer<typeof staffSchema>;
