import type { Category } from "../documents/category.ts";
import type { Product } from "../documents/product.ts";
import type { Promotion } from "../documents/promotion.ts";
import type { Settings } from "../documents/settings.ts";
import type { StockLevel } from "../documents/stock-level.ts";

/** The `id` of the `<script type="application/json">` that carries a {@link ShopSnapshot} in a served shop page. */
export const SHOP_SNAPSHOT_ELEMENT_ID = "shop-snapshot";

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
}
