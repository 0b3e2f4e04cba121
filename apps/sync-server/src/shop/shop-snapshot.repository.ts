import {
  byName,
  matchesShopSearch,
  shopSearchNeedle,
  type Category,
  type Product,
  type Promotion,
  type Settings,
  type ShopSnapshot,
  type StockLevel,
} from "@countertop/sync-protocol";
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

/** What a page or request of the shop asks of its snapshot, beyond the catalog's first products. */
export interface SnapshotAsk {
  /** A product page's product. */
  readonly productId?: string | undefined;
  readonly category?: string | undefined;
  /** A search, matched as the storefront matches it: in the name or description, ignoring case. */
  readonly q?: string | undefined;
  /**
   * Only the products matching `category` and `q`, not the catalog's first (a storefront that has
   * those already asks this way): `asked` is always there, and `complete` only when nothing narrowed
   * the match and it holds every product.
   */
  readonly matchesOnly?: boolean | undefined;
}

/**
 * The shop's public catalog for its served pages ({@link ShopSnapshot}): active products by name,
 * categories, the public settings, public promotions and stock at the first location — each
 * document as a shopper's pull shows it. A catalog larger than {@link SNAPSHOT_MAX_PRODUCTS} comes
 * as its first products, plus what `ask` names: the product of a product page, and the products
 * matching a category and search (`asked`). `undefined` when the shop has no settings yet.
 */
export async function readShopSnapshot(db: Kysely<Database>, tenantId: string, ask: SnapshotAsk = {}): Promise<ShopSnapshot | undefined> {
  return withTenant(db, tenantId, async (trx) => {
    const settingsRow = await trx
      .selectFrom("settings")
      .select("doc")
      .where("id", "=", "shop")
      .where("deleted", "=", false)
      .executeTakeFirst();
    if (!settingsRow) return undefined;
    const activeRows = () =>
      trx
        .selectFrom("products")
        .where("deleted", "=", false)
        .where(sql<string>`doc->>'status'`, "=", "active");
    const active = activeRows().select("doc");
    // By name in code units, as the replica sorts them ({@link byName}), whatever the database's collation.
    const nameOrder = sql`doc->>'name' collate "C"`;
    const needle = shopSearchNeedle(ask.q);
    const category = ask.category || undefined;
    const first =
      ask.matchesOnly && (category || needle)
        ? undefined
        : await active
            .orderBy(nameOrder)
            .limit(SNAPSHOT_MAX_PRODUCTS + 1)
            .execute();
    const complete = first !== undefined && first.length <= SNAPSHOT_MAX_PRODUCTS;
    const rows = ask.matchesOnly || !first ? [] : first.slice(0, SNAPSHOT_MAX_PRODUCTS);
    let asked: ShopSnapshot["asked"];
    if (!complete || ask.matchesOnly) {
      const inCategory = <Q extends ReturnType<typeof activeRows>>(query: Q): Q =>
        category ? (query.where(sql<string>`doc->>'categoryId'`, "=", category) as Q) : query;
      let matches: { doc: Product }[];
      let all: boolean;
      if (needle) {
        // Only the names and descriptions come back, matched here as the storefront matches them.
        const candidates = await inCategory(activeRows())
          .select(["id", sql<string>`doc->>'name'`.as("name"), sql<string | null>`doc->>'description'`.as("description")])
          .execute();
        const ids = candidates
          .filter((p) => matchesShopSearch(p, needle))
          .sort(byName)
          .map((p) => p.id);
        all = ids.length <= SNAPSHOT_MAX_PRODUCTS;
        const listed = ids.slice(0, SNAPSHOT_MAX_PRODUCTS);
        matches = listed.length > 0 ? await active.where("id", "in", listed).execute() : [];
      } else if (category) {
        const found = await inCategory(activeRows())
          .select("doc")
          .orderBy(nameOrder)
          .limit(SNAPSHOT_MAX_PRODUCTS + 1)
          .execute();
        all = found.length <= SNAPSHOT_MAX_PRODUCTS;
        matches = found.slice(0, SNAPSHOT_MAX_PRODUCTS);
      } else {
        // Nothing narrows the match: the catalog's first products, already in `rows` unless only matches were asked for.
        all = complete;
        matches = ask.matchesOnly ? first!.slice(0, SNAPSHOT_MAX_PRODUCTS) : [];
      }
      asked = { category, q: needle, all };
      rows.push(...matches);
      if (ask.productId) rows.push(...(await active.where("id", "=", ask.productId).execute()));
    }
    const categories = await trx.selectFrom("categories").select("doc").where("deleted", "=", false).execute();
    const promotions = await trx.selectFrom("promotions").select("doc").where("deleted", "=", false).execute();
    // Each document as an anonymous shopper's pull shows it: public fields, public promotions only.
    const shown = { kind: "shopper", sessionId: "page", tenantId } as const;
    const listed = unique(rows.map((r) => shownTo(shown, "products", r.doc) as Product)).sort(byName);
    const variants = [...new Set(listed.flatMap((p) => p.variants.map((v) => v.id)))];
    // Only the listed products' levels: a large catalog has as many levels as variants.
    const location = settingsRow.doc.locations[0]?.id;
    const levels =
      location && variants.length > 0
        ? await trx
            .selectFrom("stock_levels")
            .select("doc")
            .where("deleted", "=", false)
            .where("location_id", "=", location)
            .where("variant_id", "in", variants)
            .execute()
        : [];
    return {
      products: listed,
      categories: categories.map((r) => shownTo(shown, "categories", r.doc) as Category),
      settings: shownTo(shown, "settings", settingsRow.doc) as Settings,
      promotions: promotions.map((r) => shownTo(shown, "promotions", r.doc) as Promotion).filter((p) => !p._deleted),
      stockLevels: levels.map((r) => shownTo(shown, "stock_levels", r.doc) as StockLevel),
      complete,
      ...(asked ? { asked } : {}),
    };
  });
}

function unique(products: readonly Product[]): Product[] {
  return [...new Map(products.map((p) => [p.id, p])).values()];
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
