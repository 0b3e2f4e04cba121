import type { Category, Product, Promotion, Settings, ShopSnapshot, StockLevel } from "@countertop/sync-protocol";
import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";
import { withTenant } from "../db/tenant-scope";
import { shownTo } from "../sync/access";

/**
 * The most products a served page carries inline: enough for a shop's whole catalog as most shops
 * have it, small enough that the page stays light (~300 bytes a product before compression). A
 * larger catalog's page names the first ones by name; the replica brings the rest.
 */
export const SNAPSHOT_MAX_PRODUCTS = 400;

/**
 * The shop's public catalog for its served pages ({@link ShopSnapshot}): active products by name,
 * categories, the public settings, public promotions and stock at the first location — each
 * document as a shopper's pull shows it. `undefined` when the shop has no settings yet.
 */
export async function readShopSnapshot(db: Kysely<Database>, tenantId: string): Promise<ShopSnapshot | undefined> {
  return withTenant(db, tenantId, async (trx) => {
    const settingsRow = await trx
      .selectFrom("settings")
      .select("doc")
      .where("id", "=", "shop")
      .where("deleted", "=", false)
      .executeTakeFirst();
    if (!settingsRow) return undefined;
    const products = await trx
      .selectFrom("products")
      .select("doc")
      .where("deleted", "=", false)
      .where(sql<string>`doc->>'status'`, "=", "active")
      .orderBy(sql`doc->>'name'`)
      .limit(SNAPSHOT_MAX_PRODUCTS + 1)
      .execute();
    const categories = await trx.selectFrom("categories").select("doc").where("deleted", "=", false).execute();
    const promotions = await trx.selectFrom("promotions").select("doc").where("deleted", "=", false).execute();
    const location = settingsRow.doc.locations[0]?.id;
    const levels = location
      ? await trx.selectFrom("stock_levels").select("doc").where("deleted", "=", false).where("location_id", "=", location).execute()
      : [];
    // Each document as an anonymous shopper's pull shows it: public fields, public promotions only.
    const shown = { kind: "shopper", sessionId: "page", tenantId } as const;
    const listed = products.slice(0, SNAPSHOT_MAX_PRODUCTS).map((r) => shownTo(shown, "products", r.doc) as Product);
    const variants = new Set(listed.flatMap((p) => p.variants.map((v) => v.id)));
    return {
      products: listed,
      categories: categories.map((r) => shownTo(shown, "categories", r.doc) as Category),
      settings: shownTo(shown, "settings", settingsRow.doc) as Settings,
      promotions: promotions.map((r) => shownTo(shown, "promotions", r.doc) as Promotion).filter((p) => !p._deleted),
      stockLevels: levels.filter((r) => variants.has(r.doc.variantId)).map((r) => shownTo(shown, "stock_levels", r.doc) as StockLevel),
      complete: products.length <= SNAPSHOT_MAX_PRODUCTS,
    };
  });
}

/** What a shop's sitemap lists: its categories and the products it sells, with their last change. */
export interface ShopPages {
  readonly categoryIds: readonly string[];
  readonly products: readonly { readonly id: string; readonly updatedAt: string | null }[];
}

/** A sitemap holds at most 50 000 addresses; the home page and categories take a few. */
const SITEMAP_MAX_PRODUCTS = 49_000;

/** The pages of a shop for its sitemap: ids only, so a large catalog costs little. */
export async function readShopPages(db: Kysely<Database>, tenantId: string): Promise<ShopPages> {
  return withTenant(db, tenantId, async (trx) => {
    const categories = await trx.selectFrom("categories").select("id").where("deleted", "=", false).execute();
    const products = await trx
      .selectFrom("products")
      .select(["id", sql<string | null>`doc->>'updatedAt'`.as("updatedAt")])
      .where("deleted", "=", false)
      .where(sql<string>`doc->>'status'`, "=", "active")
      .orderBy("id")
      .limit(SITEMAP_MAX_PRODUCTS)
      .execute();
    return { categoryIds: categories.map((c) => c.id), products };
  });
}
