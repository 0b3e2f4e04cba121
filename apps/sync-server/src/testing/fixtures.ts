import { bp, minor, priceCart, qty, SALE_ROUNDING } from "@countertop/domain";
import { uuidv7 } from "uuidv7";
import type { Product, Sale } from "@countertop/sync-protocol";

/** A catalog variant as a till sees it. */
export interface TestVariant {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly price: number;
  readonly taxRate: number;
}

/** Variants of the pulled demo products, with their tax rate resolved. */
export function variantsOf(products: readonly Product[], taxRates: Record<string, number>): TestVariant[] {
  return products.flatMap((p) =>
    p.variants
      .filter((v) => v.trackStock)
      .map((v) => ({
        id: v.id,
        sku: v.sku,
        title: `${p.name} ${v.title}`,
        price: v.price,
        taxRate: taxRates[p.taxRateId] ?? 0,
      })),
  );
}

/** A completed, correctly priced cash sale (or refund) as a till would push it. */
export function makeSale(input: {
  readonly registerId: string;
  readonly locationId: string;
  readonly shiftId?: string;
  readonly staffId?: string;
  readonly lines: readonly { readonly variant: TestVariant; readonly qty: number }[];
  readonly kind?: "sale" | "refund";
  readonly createdAt?: Date;
  readonly number?: string;
}): Sale {
  const createdAt = input.createdAt ?? new Date();
  const priced = priceCart({
    lines: input.lines.map((l) => ({
      id: uuidv7(),
      variantId: l.variant.id,
      sku: l.variant.sku,
      name: l.variant.title,
      qty: qty(l.qty),
      unitPrice: minor(l.variant.price),
      taxRate: bp(l.variant.taxRate),
    })),
    taxMode: "inclusive",
    rounding: SALE_ROUNDING,
    now: createdAt,
  });
  return {
    id: uuidv7(),
    kind: input.kind ?? "sale",
    status: "completed",
    number: input.number ?? `T-${Math.floor(Math.random() * 1e6)}`,
    registerId: input.registerId,
    locationId: input.locationId,
    shiftId: input.shiftId ?? uuidv7(),
    staffId: input.staffId ?? uuidv7(),
    currency: "EUR",
    taxMode: "inclusive",
    lines: priced.lines.map((l) => ({ ...l })),
    promotionIds: [],
    subtotal: priced.subtotal,
    discountTotal: priced.discountTotal,
    taxTotal: priced.taxTotal,
    total: priced.total,
    payments: [{ method: "cash", amount: priced.total, tendered: priced.total, change: 0 }],
    createdAt: createdAt.toISOString(),
    _deleted: false,
  };
}
