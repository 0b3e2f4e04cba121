import type { Category } from "../documents/category.ts";
import type { Product } from "../documents/product.ts";
import type { Promotion } from "../documents/promotion.ts";
import type { Settings } from "../documents/settings.ts";
import type { StockLevel } from "../documents/stock-level.ts";

/** The `id` of the `<script type="application/json">` that carries a {@link ShopSnapshot} in a served shop page. */
export const SHOP_SNAPSHOT_ELEMENT_ID = "shop-snapshot";

/**
 * How many product cards a catalog page of the shop shows at first, and how many more each "Show
 * more" adds: the served HTML and the storefront show the same first page, so the app's first render
 * replaces the server's without moving it. A catalog of thousands never puts thousands of cards on a
 * phone at once.
 */
export const SHOP_CATALOG_PAGE = 48;

/**
 * How many cards a catalog address asks for (`?show=96`, kept there so a product page's Back brings
 * the same list back): whole pages of {@link SHOP_CATALOG_PAGE}, at least one and at most 40 (a
 * link can't make a phone draw a catalog of thousands at once); anything else (missing, not a
 * number) is the first page.
 */
export function catalogShown(param: string | null | undefined): number {
  const asked = Number(param);
  if (!param || !Number.isSafeInteger(asked) || asked <= SHOP_CATALOG_PAGE) return SHOP_CATALOG_PAGE;
  return Math.min(Math.ceil(asked / SHOP_CATALOG_PAGE), MAX_PAGES_IN_ADDRESS) * SHOP_CATALOG_PAGE;
}

const MAX_PAGES_IN_ADDRESS = 40;

/**
 * The line under a catalog's cards, as the served page and the storefront both write it: "Showing
 * 48 of 63" — or "Showing the first 48" when the list on hand may not hold every match (`all`
 * false) — and the next page's button, "Show 15 more", when there is one. `undefined` when one page
 * holds the whole list.
 */
export function catalogPageLine(
  total: number,
  shown: number,
  all: boolean,
  locale: string,
): { readonly text: string; readonly more?: string | undefined } | undefined {
  const showing = Math.min(shown, total);
  const rest = total - showing;
  if (rest <= 0 && total <= SHOP_CATALOG_PAGE) return undefined;
  const count = new Intl.NumberFormat(locale);
  return {
    text: all ? `Showing ${count.format(showing)} of ${count.format(total)}` : `Showing the first ${count.format(showing)}`,
    more: rest > 0 ? `Show ${count.format(Math.min(rest, SHOP_CATALOG_PAGE))} more` : undefined,
  };
}

/** Products in the order a shop's replica sorts them: by name, in UTF-16 code units (whatever a database's collation). */
export function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * A shop search as the storefront and the server both match it: the typed text trimmed and in
 * lower case, `undefined` when nothing is left. See {@link matchesShopSearch}.
 */
export function shopSearchNeedle(q: string | null | undefined): string | undefined {
  return q?.trim().toLowerCase() || undefined;
}

/**
 * Whether a product matches a shop search's `needle` ({@link shopSearchNeedle}): in its name or
 * description, ignoring case by JavaScript's `toLowerCase` on either side. The server matches with
 * this too, not with the database's `lower()`, which under a C locale leaves "Ä" as it is: a search
 * the storefront answers from its replica and one the server answers must find the same products.
 */
export function matchesShopSearch(
  product: { readonly name: string; readonly description?: string | null | undefined },
  needle: string,
): boolean {
  return `${product.name} ${product.description ?? ""}`.toLowerCase().includes(needle);
}

/**
 * A shop's public catalog as the server inlines it into the storefront's first page, so the first
 * products paint before the browser's replica has loaded: the documents a shopper's pull would
 * give (public fields only; no tombstones). The replica takes over once it has synced.
 *
 * @example
 * const el = document.getElementById(SHOP_SNAPSHOT_ELEMENT_ID);
 * const snapshot = el ? (JSON.parse(el.textContent ?? "") as ShopSnapshot) : undefined;
 */
export interface ShopSnapshot {
  /** Active products, by name. At most a few hundred: a larger catalog is `complete: false` and the replica fills in the rest. */
  readonly products: readonly Product[];
  readonly categories: readonly Category[];
  /** The public subset of the shop's settings (as a shopper's replica holds it). */
  readonly settings: Settings;
  /** Active promotions without a coupon code. */
  readonly promotions: readonly Promotion[];
  /** Stock levels at the shop's first location. */
  readonly stockLevels: readonly StockLevel[];
  /** False when the catalog had more active products than the snapshot carries. */
  readonly complete: boolean;
  /**
   * In a catalog too large to carry whole (`complete: false`): the category and search the page or
   * request asked for, and whether `products` holds every active product matching them (`all`) or
   * only the first few hundred of them by name. The product of a product page's address is always
   * there.
   */
  readonly asked?: { readonly category?: string | undefined; readonly q?: string | undefined; readonly all: boolean } | undefined;
}
