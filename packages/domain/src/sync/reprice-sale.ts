import { priceCart } from "../cart/price-cart.ts";
import { discountFromDocument, type DiscountDocument } from "../cart/discount.ts";
import type { CartLineInput, Promotion } from "../cart/types.ts";
import { isDomainError } from "../errors.ts";
import type { RoundingMode } from "../money/rounding.ts";
import type { TaxMode } from "../tax/tax.ts";
import { bp, minor, qty } from "../units.ts";

/** The rounding every till, checkout and server re-check uses for percentages and tax. */
export const SALE_ROUNDING: RoundingMode = "half_up";

/** A sale line as it is on the wire (see `PricedLine`), with the inputs the till priced it from. */
export interface RepriceLine {
  readonly id: string;
  readonly variantId: string;
  readonly sku: string;
  readonly name: string;
  readonly qty: number;
  readonly unitPrice: number;
  readonly discount: number;
  readonly taxRate: number;
  readonly tax: number;
  readonly total: number;
  readonly manualDiscount?: DiscountDocument | undefined;
  readonly categoryId?: string | undefined;
}

/** What {@link repriceSale} reads of a sale document. */
export interface RepriceSale {
  readonly kind: "sale" | "refund";
  readonly taxMode: TaxMode;
  readonly createdAt: string;
  readonly lines: readonly RepriceLine[];
  readonly cartDiscount?: DiscountDocument | undefined;
  readonly promotionIds?: readonly string[] | undefined;
  readonly subtotal: number;
  readonly discountTotal: number;
  readonly taxTotal: number;
  readonly cashRounding?: number | undefined;
  readonly total: number;
  readonly payments: readonly { readonly amount: number }[];
}

/** A promotion as it is stored in the `promotions` collection (`kind` + `value`). */
export interface PromotionDocument {
  readonly id: string;
  readonly name: string;
  readonly kind: Promotion["type"];
  readonly value: number;
  readonly active: boolean;
  readonly categoryId?: string | undefined;
  readonly variantIds?: readonly string[] | undefined;
  readonly buyQty?: number | undefined;
  readonly getQty?: number | undefined;
  readonly getPercent?: number | undefined;
  readonly minSubtotal?: number | undefined;
  readonly code?: string | undefined;
  readonly startsAt?: string | undefined;
  readonly endsAt?: string | undefined;
}

/** One figure where the server's pricing and the till's differ. */
export interface PriceMismatch {
  /** `unitPrice`, `discount`, `tax`, `total` (with `lineId`), a document total, `payments`, or `pricing`. */
  readonly field: string;
  readonly lineId?: string;
  readonly expected: number | null;
  readonly actual: number | null;
  readonly message?: string;
}

/** The server's view of a sale. */
export interface RepriceResult {
  readonly mismatches: readonly PriceMismatch[];
}

/**
 * Maps a stored promotion to the pricing engine's shape.
 * @example
 * promotionFromDocument({ id: "p", name: "10 % off", kind: "order_percent", value: 1000, active: true })
 * // { id: "p", name: "10 % off", type: "order_percent", percent: 1000, active: true }
 */
export function promotionFromDocument(doc: PromotionDocument): Promotion {
  const base = {
    id: doc.id,
    name: doc.name,
    active: doc.active,
    ...(doc.startsAt !== undefined ? { startsAt: doc.startsAt } : {}),
    ...(doc.endsAt !== undefined ? { endsAt: doc.endsAt } : {}),
    ...(doc.code !== undefined ? { code: doc.code } : {}),
  };
  const minSubtotal = doc.minSubtotal !== undefined ? { minSubtotal: minor(doc.minSubtotal) } : {};
  switch (doc.kind) {
    case "order_percent":
      return { ...base, type: "order_percent", percent: bp(doc.value), ...minSubtotal };
    case "order_fixed":
      return { ...base, type: "order_fixed", amount: minor(doc.value), ...minSubtotal };
    case "category_percent":
      return { ...base, type: "category_percent", categoryId: doc.categoryId ?? "", percent: bp(doc.value) };
    case "buy_x_get_y":
      return {
        ...base,
        type: "buy_x_get_y",
        buyQty: qty(doc.buyQty ?? 1),
        getQty: qty(doc.getQty ?? 1),
        percent: bp(doc.getPercent ?? 10_000),
        ...(doc.variantIds !== undefined ? { variantIds: doc.variantIds } : {}),
        ...(doc.categoryId !== undefined ? { categoryId: doc.categoryId } : {}),
      };
  }
}

const TOTAL_FIELDS = ["subtotal", "discountTotal", "taxTotal"] as const;
const LINE_FIELDS = ["discount", "tax", "total"] as const;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Totals must be the sums of the lines, the total include the cash rounding, and the payments cover it. */
function documentChecks(sale: RepriceSale, out: PriceMismatch[]): void {
  const lines = sale.lines;
  const sums = {
    subtotal: sum(lines.map((l) => l.qty * l.unitPrice)),
    discountTotal: sum(lines.map((l) => l.discount)),
    taxTotal: sum(lines.map((l) => l.tax)),
  };
  for (const field of TOTAL_FIELDS) if (sale[field] !== sums[field]) out.push({ field, expected: sums[field], actual: sale[field] });
  const total = sum(lines.map((l) => l.total)) + (sale.cashRounding ?? 0);
  if (sale.total !== total) out.push({ field: "total", expected: total, actual: sale.total });
  const paid = sum(sale.payments.map((p) => p.amount));
  if (paid !== sale.total) out.push({ field: "payments", expected: sale.total, actual: paid });
}

/**
 * The server's re-check of a sale a till pushed. A sale is never rejected — the goods are gone —
 * so this returns every disagreement for a `price_mismatch` reconciliation item instead of throwing.
 *
 * For a sale: each line's unit price against the catalog (`catalogPrices`, by variant; a variant
 * the catalog lacks keeps the till's price), then the whole cart re-priced with `priceCart` at the
 * sale's own time, with its manual discounts and the promotions the till applied (`promotionIds`,
 * looked up in `promotions`). For a refund, whose amounts come from the original sale: the document
 * arithmetic only. Both: totals are the sums of the lines and the payments add up to the total.
 *
 * @example
 * repriceSale(sale, { catalogPrices: new Map([["v1", 250]]), promotions: [] }).mismatches
 * // [{ field: "unitPrice", lineId: "l1", expected: 250, actual: 200 }, …]
 */
export function repriceSale(
  sale: RepriceSale,
  input: { readonly catalogPrices: ReadonlyMap<string, number>; readonly promotions: readonly PromotionDocument[] },
): RepriceResult {
  const mismatches: PriceMismatch[] = [];
  if (sale.kind === "sale") {
    const applied = new Set(sale.promotionIds ?? []);
    try {
      // Inside the try: a line's figures that the domain refuses (a bad discount) are a mismatch, never a thrown push.
      const lines: CartLineInput[] = sale.lines.map((line) => {
        const listed = input.catalogPrices.get(line.variantId);
        if (listed !== undefined && listed !== line.unitPrice)
          mismatches.push({ field: "unitPrice", lineId: line.id, expected: listed, actual: line.unitPrice });
        return {
          id: line.id,
          variantId: line.variantId,
          sku: line.sku,
          name: line.name,
          qty: qty(line.qty),
          unitPrice: minor(listed ?? line.unitPrice),
          taxRate: bp(line.taxRate),
          ...(line.categoryId !== undefined ? { categoryId: line.categoryId } : {}),
          ...(line.manualDiscount !== undefined ? { manualDiscount: discountFromDocument(line.manualDiscount) } : {}),
        };
      });
      const promotions = input.promotions.filter((p) => applied.has(p.id)).map(promotionFromDocument);
      const priced = priceCart({
        lines,
        taxMode: sale.taxMode,
        rounding: SALE_ROUNDING,
        now: new Date(sale.createdAt),
        promotions,
        couponCodes: promotions.flatMap((p) => (p.code ? [p.code] : [])),
        ...(sale.cartDiscount !== undefined ? { cartDiscount: discountFromDocument(sale.cartDiscount) } : {}),
      });
      priced.lines.forEach((expected, i) => {
        const actual = sale.lines[i];
        if (!actual) return;
        for (const field of LINE_FIELDS)
          if (expected[field] !== actual[field])
            mismatches.push({ field, lineId: actual.id, expected: expected[field], actual: actual[field] });
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      mismatches.push({ field: "pricing", expected: null, actual: null, message: error.message });
    }
  }
  documentChecks(sale, mismatches);
  return { mismatches };
}
