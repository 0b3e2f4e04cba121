import type { Category } from "@countertop/sync-protocol";
import { useDocuments } from "@countertop/ui";
import type { ManagerContext } from "../manager-context";

/** The catalog's categories that are not archived, in their order. */
export function useCatalogCategories(context: ManagerContext): Category[] | undefined {
  const db = context.replica.db;
  return useDocuments<Category>(() => db.categories.find().$, [db])
    ?.filter((c) => !c._deleted && !c.archived)
    .sort((a, b) => a.position - b.position);
}
