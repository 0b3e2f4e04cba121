import { documentSchema } from "./document-schema.ts";
import { address, arrayOf, name, text, timestamp } from "./fields.ts";

/** `customers`: looked up at the till by email, phone or name. */
export const customersSchema = documentSchema<"customers">({
  title: "customers",
  properties: {
    name,
    email: { type: "string", maxLength: 254 },
    phone: { type: "string", maxLength: 40 },
    addresses: arrayOf(address),
    note: text,
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  required: ["name"],
  indexes: ["name"],
});
