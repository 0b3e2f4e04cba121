import type { Category, Product } from "@countertop/sync-protocol";
import { useDocuments } from "@countertop/ui";
import type { ManagerContext } from "../manager-context";

/** The replica's products (by name) and categories (in their order), live; `undefined` while loading. */
export function useCatalog(context: ManagerContext): { products: Product[] | undefined; categories: Category[] | undefined } {
  const db = context.replica.db;
  const products = useDocuments<Product>(() => db.products.find({ sort: [{ name: "asc" }] }).$, [db]);
  const categories = useDocuments<Category>(() => db.categories.find().$, [db]);
  return { products, categories: categories?.filter((c) => !c._deleted).sort((a, b) => a.position - b.position) };
}
