import type { Address, Order, Sale, SaleLine, TaxMode } from "@countertop/sync-protocol";

/** One tax rate's share of an invoice: the net amount, the tax and the gross, in minor units. */
export interface TaxBand {
  readonly rate: number;
  readonly net: number;
  readonly tax: number;
  readonly gross: number;
}

/** What an invoice shows, from a till's sale or an online order. */
export interface InvoiceData {
  readonly number: string;
  readonly date: string;
  readonly kind: "sale" | "refund" | "order";
  readonly currency: string;
  readonly taxMode: TaxMode;
  readonly lines: readonly SaleLine[];
  readonly shipping: number;
  readonly total: number;
  readonly taxTotal: number;
  readonly shippingAddress?: Address | undefined;
  readonly email?: string | undefined;
}

/**
 * The tax of an invoice by rate: each line's discounted total and its tax (as the sale computed
 * them) summed per rate. In a tax-inclusive shop a line's total includes its tax.
 * @example
 * taxBands([{ taxRate: 700, total: 107, tax: 7 }, …], "inclusive") // [{ rate: 700, net: 100, tax: 7, gross: 107 }]
 */
export function taxBands(lines: readonly Pick<SaleLine, "taxRate" | "total" | "tax">[], taxMode: TaxMode): TaxBand[] {
  const bands = new Map<number, { net: number; tax: number; gross: number }>();
  for (const line of lines) {
    const band = bands.get(line.taxRate) ?? { net: 0, tax: 0, gross: 0 };
    const gross = taxMode === "inclusive" ? line.total : line.total + line.tax;
    bands.set(line.taxRate, { net: band.net + gross - line.tax, tax: band.tax + line.tax, gross: band.gross + gross });
  }
  return [...bands].sort(([a], [b]) => a - b).map(([rate, band]) => ({ rate, ...band }));
}

/** An invoice's data from a till's sale. */
export function invoiceOfSale(sale: Sale): InvoiceData {
  return {
    number: sale.number,
    date: sale.createdAt,
    kind: sale.kind,
    currency: sale.currency,
    taxMode: sale.taxMode,
    lines: sale.lines,
    shipping: 0,
    total: sale.total,
    taxTotal: sale.taxTotal,
  };
}

/** An invoice's data from an online order. */
export function invoiceOfOrder(order: Order): InvoiceData {
  return {
    number: order.number,
    date: order.createdAt,
    kind: "order",
    currency: order.currency,
    taxMode: order.taxMode,
    lines: order.lines,
    shipping: order.shippingTotal,
    total: order.total,
    taxTotal: order.taxTotal,
    shippingAddress: order.shipping.address,
    email: order.email,
  };
}
