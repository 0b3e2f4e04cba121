import {
  bp,
  minor,
  priceCart,
  promotionFromDocument,
  qty,
  SALE_ROUNDING,
  type Discount,
  type PricedCart,
  type TaxMode,
} from "@countertop/domain";
import type { Product, Promotion, SaleApproval } from "@countertop/sync-protocol";

/** One line of the cart as the cashier built it; prices come from the catalog at the time of adding. */
export interface CartLine {
  readonly id: string;
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly qty: number;
  readonly unitPrice: number;
  readonly taxRate: number;
  readonly categoryId?: string | undefined;
  /** What a unit cost the shop when it went into the cart (the variant's `cost`), for margin reports. */
  readonly unitCost?: number | undefined;
  readonly manualDiscount?: Discount | undefined;
}

export interface Cart {
  readonly lines: readonly CartLine[];
  readonly cartDiscount?: Discount | undefined;
  readonly customerId?: string | undefined;
  /** Managers' approvals of discounts over the threshold, each tied to its line (or to the cart discount). */
  readonly approvals?: readonly SaleApproval[] | undefined;
}

export type CartAction =
  | { readonly type: "add"; readonly line: Omit<CartLine, "id" | "qty">; readonly id: string }
  | { readonly type: "qty"; readonly id: string; readonly qty: number }
  | { readonly type: "remove"; readonly id: string }
  | { readonly type: "lineDiscount"; readonly id: string; readonly discount: Discount | undefined; readonly approval?: SaleApproval }
  | { readonly type: "cartDiscount"; readonly discount: Discount | undefined; readonly approval?: SaleApproval }
  | { readonly type: "customer"; readonly customerId: string | undefined }
  | { readonly type: "resume"; readonly cart: Cart }
  | { readonly type: "clear" };

export const EMPTY_CART: Cart = { lines: [] };

/** The cart's reducer: adding a variant already in the cart (without its own discount) adds one to that line. */
export function cartReducer(cart: Cart, action: CartAction): Cart {
  switch (action.type) {
    case "add": {
      const same = cart.lines.find((l) => l.variantId === action.line.variantId && !l.manualDiscount);
      if (same) return { ...cart, lines: cart.lines.map((l) => (l === same ? { ...l, qty: l.qty + 1 } : l)) };
      return { ...cart, lines: [...cart.lines, { ...action.line, id: action.id, qty: 1 }] };
    }
    case "qty":
      return action.qty <= 0
        ? cartReducer(cart, { type: "remove", id: action.id })
        : { ...cart, lines: cart.lines.map((l) => (l.id === action.id ? { ...l, qty: Math.min(9999, action.qty) } : l)) };
    case "remove":
      return withApproval({ ...cart, lines: cart.lines.filter((l) => l.id !== action.id) }, action.id, undefined);
    case "lineDiscount":
      return withApproval(
        { ...cart, lines: cart.lines.map((l) => (l.id === action.id ? { ...l, manualDiscount: action.discount } : l)) },
        action.id,
        action.approval,
      );
    case "cartDiscount":
      return withApproval({ ...cart, cartDiscount: action.discount }, undefined, action.approval);
    case "customer":
      return { ...cart, customerId: action.customerId };
    case "resume":
      return action.cart;
    case "clear":
      return EMPTY_CART;
  }
}

/**
 * The cart with the discount approval of one line (`lineId`) or of the cart discount (`undefined`)
 * replaced: an approval covers the one discount it was given for, so a changed or removed discount
 * drops it.
 */
function withApproval(cart: Cart, lineId: string | undefined, approval: SaleApproval | undefined): Cart {
  const others = (cart.approvals ?? []).filter((a) => a.action !== "discount" || a.lineId !== lineId);
  const approvals = approval ? [...others, approval] : others;
  const { approvals: _old, ...rest } = cart;
  return approvals.length > 0 ? { ...rest, approvals } : rest;
}

/** Prices the cart with the shared rules (the server re-prices every sale the same way). */
export function priceOf(cart: Cart, taxMode: TaxMode, promotions: readonly Promotion[], now: Date): PricedCart {
  return priceCart({
    lines: cart.lines.map((l) => ({
      id: l.id,
      variantId: l.variantId,
      sku: l.sku,
      name: l.name,
      qty: qty(l.qty),
      unitPrice: minor(l.unitPrice),
      taxRate: bp(l.taxRate),
      ...(l.categoryId ? { categoryId: l.categoryId } : {}),
      ...(l.manualDiscount ? { manualDiscount: l.manualDiscount } : {}),
    })),
    taxMode,
    rounding: SALE_ROUNDING,
    now,
    promotions: promotions.filter((p) => p.active && !p.code).map((p) => promotionFromDocument(p)),
    ...(cart.cartDiscount ? { cartDiscount: cart.cartDiscount } : {}),
  });
}

/** The cart line for a product variant. */
export function lineFor(product: Product, variantId: string, taxRates: ReadonlyMap<string, number>): Omit<CartLine, "id" | "qty"> {
  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0]!;
  const title = product.variants.length > 1 ? `${product.name} — ${variant.title}` : product.name;
  return {
    variantId: variant.id,
    productId: product.id,
    sku: variant.sku,
    name: title.slice(0, 200),
    unitPrice: variant.price,
    taxRate: taxRates.get(product.taxRateId) ?? 0,
    categoryId: product.categoryId,
    ...(variant.cost !== undefined ? { unitCost: variant.cost } : {}),
  };
}

/** Whether a discount of `discount` on `amount` needs a manager: its share is above the shop's threshold. */
export function needsApproval(discount: Discount, amount: number, thresholdBp: number): boolean {
  if (amount <= 0) return false;
  const share = discount.type === "percent" ? discount.value : Math.round((discount.value * 10_000) / amount);
  return share > thresholdBp;
}
