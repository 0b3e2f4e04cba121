import { documentSchema } from "./document-schema.ts";
import { boolean, name, text, token } from "./fields.ts";

/** `staff`, with PIN hashes so that a till can check a PIN offline. */
export const staffSchema = documentSchema<"staff">({
  title: "staff",
  properties: { name, role: token, pinHash: text, active: boolean },
  required: ["name", "role", "active"],
});
