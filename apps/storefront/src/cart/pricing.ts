import { bp, minor, priceCart, promotionFromDocument, qty, SALE_ROUNDING, type PricedCart } from "@countertop/domain";
import type { Product } from "@countertop/sync-protocol";
import type { ShopData } from "../shop/shop-data";
import type { CartItem } from "./cart";

/** A cart line with its product, for display. */
export interface CartRow {
  readonly item: CartItem;
  readonly product: Product;
  readonly title: string;
}

/**
 * The cart priced with the same rules the server applies at checkout (which re-prices it anyway):
 * catalog prices, the shop's automatic promotions, its tax mode. Items no longer sold are left out.
 */
export function priceShopCart(
  items: readonly CartItem[],
  data: ShopData,
): { rows: CartRow[]; priced: PricedCart | undefined; gone: CartItem[] } {
  const settings = data.settings;
  const rows: CartRow[] = [];
  const gone: CartItem[] = [];
  for (const item of items) {
    const product = data.products.find((p) => p.variants.some((v) => v.id === item.variantId));
    if (!product) gone.push(item);
    else {
      const variant = product.variants.find((v) => v.id === item.variantId)!;
      rows.push({ item, product, title: product.variants.length > 1 ? `${product.name} — ${variant.title}` : product.name });
    }
  }
  if (!settings || rows.length === 0) return { rows, priced: undefined, gone };
  const rates = new Map(settings.taxRates.map((r) => [r.id, r.rate]));
  const priced = priceCart({
    lines: rows.map((r, i) => {
      const variant = r.product.variants.find((v) => v.id === r.item.variantId)!;
      return {
        id: `l${i}`,
        variantId: variant.id,
        sku: variant.sku,
        name: r.title,
        qty: qty(r.item.qty),
        unitPrice: minor(variant.price),
        taxRate: bp(rates.get(r.product.taxRateId) ?? 0),
        ...(r.product.categoryId ? { categoryId: r.product.categoryId } : {}),
      };
    }),
    taxMode: settings.taxMode,
    rounding: SALE_ROUNDING,
    now: new Date(),
    promotions: data.promotions.filter((p) => p.active && !p.code).map((p) => promotionFromDocument(p)),
  });
  return { rows, priced, gone };
}
