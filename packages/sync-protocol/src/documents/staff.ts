import { z } from "zod";
import { idSchema, nameSchema, staffRoleSchema } from "../primitives.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/**
 * A staff member who unlocks a till with a PIN (collection `staff`). `pinHash` is set by the server
 * (a manager sets a PIN through the REST API, which hashes it) and replicated to the tills so that
 * PIN sign-in works offline; a client never writes it. A manager's staff document is linked to
 * their sign-in (`userId`): deactivating either ends both.
 */
export const staffSchema = replicatedDocumentSchema.extend({
  name: nameSchema,
  role: staffRoleSchema,
  pinHash: z.string().min(1).max(500).optional(),
  active: z.boolean(),
  /** The manager's user (email + password sign-in) this person is; absent for cashiers. */
  userId: idSchema.optional(),
});

/** @see staffSchema */
export type Staff = z.infer<typeof staffSchema>;
