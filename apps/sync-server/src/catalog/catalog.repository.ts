import type { Category, Product } from "@countertop/sync-protocol";
import type { TenantTx } from "../db/tenant-scope";

/** Every product of the shop, deleted ones included (their SKUs are free again). */
export async function allProducts(trx: TenantTx): Promise<Product[]> {
  return (await trx.selectFrom("products").select("doc").execute()).map((r) => r.doc);
}

/** Every category of the shop. */
export async function allCategories(trx: TenantTx): Promise<Category[]> {
  return (await trx.selectFrom("categories").select("doc").execute()).map((r) => r.doc);
}
