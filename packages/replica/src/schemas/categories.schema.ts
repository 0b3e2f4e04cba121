import { documentSchema } from "./document-schema.ts";
import { integer, name, ref, text, timestamp } from "./fields.ts";

/** `categories`: few documents, so no index; sort by `position` in memory. */
export const categoriesSchema = documentSchema<"categories">({
  title: "categories",
  properties: { name, parentId: ref, position: integer, color: text, updatedAt: timestamp },
  required: ["name", "updatedAt"],
});
