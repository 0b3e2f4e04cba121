import { z } from "zod";
import { colorSchema, idSchema, nameSchema, timestampSchema } from "../primitives.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

/** A catalog category (collection `categories`); `parentId` nests them, `position` orders siblings. */
export const categorySchema = replicatedDocumentSchema.extend({
  name: nameSchema,
  parentId: idSchema.optional(),
  position: z.number().int(),
  color: colorSchema.optional(),
  /** An archived category is kept for old sales and reports but offered for nothing new. */
  archived: z.boolean().optional(),
  updatedAt: timestampSchema,
});

/** @see categorySchema */
export type Category = z.infer<typeof categorySchema>;
