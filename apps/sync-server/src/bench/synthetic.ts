import { examples } from "@countertop/sync-protocol/testing";
import type { Product, Sale } from "@countertop/sync-protocol";

/** A deterministic id in UUID form, so seeded rows look like the devices' ids. */
function uuidFor(kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `0190${kind.toString(16).padStart(4, "0")}-0000-7000-8000-${hex}`;
}

/** The `n`th product of a big synthetic catalog: two variants, like a typical shop's. */
export function syntheticProduct(n: number): Product {
  const id = uuidFor(1, n);
  return {
    ...examples.products,
    id,
    name: `Product ${n}`,
    variants: [
      { id: uuidFor(2, n * 2), sku: `SKU-${n}-A`, title: "Small", price: 100 + (n % 5000), trackStock: true },
      { id: uuidFor(2, n * 2 + 1), sku: `SKU-${n}-B`, title: "Large", price: 200 + (n % 5000), trackStock: true },
    ],
  };
}

/** A day's milliseconds. */
const DAY_MS = 86_400_000;

/**
 * The `n`th historical sale of a till: three lines, as it would have been pushed. Made 20 s after
 * the one before it, from 30 days ago (100 000 sales span 23 days): in the order they were made, as
 * a shop's history is, and inside the sales window, so that a till pulls every one of them.
 */
export function syntheticSale(n: number, till: { readonly id: string; readonly locationId: string }): Sale {
  const id = uuidFor(3, n);
  const createdAt = new Date(Date.now() - 30 * DAY_MS + n * 20_000).toISOString();
  const line = examples.sales.lines[0]!;
  const lines = [0, 1, 2].map((k) => ({ ...line, id: uuidFor(4, n * 3 + k) }));
  return {
    ...examples.sales,
    id,
    number: `H-${n}`,
    registerId: till.id,
    locationId: till.locationId,
    lines,
    subtotal: line.qty * line.unitPrice * 3,
    discountTotal: line.discount * 3,
    taxTotal: line.tax * 3,
    total: line.total * 3,
    payments: [{ method: "card", amount: line.total * 3 }],
    createdAt,
  };
}
