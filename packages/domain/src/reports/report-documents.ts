import { couponKey, type ReportDocument } from "./report-facts.ts";

/** A till's sale or refund as reports read it (the wire `sales` document fits): a report document but for its channel. */
export type SaleLike = Omit<ReportDocument, "channel" | "promotions"> & { readonly promotionIds?: readonly string[] | undefined };

/** A storefront order as reports read it (the wire `orders` document fits). */
export type OrderLike = Pick<ReportDocument, "id" | "createdAt" | "total" | "discountTotal" | "taxTotal" | "lines"> & {
  readonly status: string;
  readonly couponCode?: string | undefined;
};

/** The order statuses reports count: paid and on its way. Unpaid, cancelled and refunded orders are no sale. */
export const COUNTED_ORDER_STATUSES: ReadonlySet<string> = new Set(["paid", "ready_for_pickup", "shipped", "completed"]);

/** The register and cashier of an online order in reports. */
export const ONLINE = "online";

/** A till's sale or refund as a report document. */
export function saleReportDocument(sale: SaleLike): ReportDocument {
  return {
    id: sale.id,
    channel: "till",
    kind: sale.kind,
    createdAt: sale.createdAt,
    registerId: sale.registerId,
    staffId: sale.staffId,
    total: sale.total,
    discountTotal: sale.discountTotal,
    taxTotal: sale.taxTotal,
    payments: sale.payments,
    lines: sale.lines,
    ...(sale.promotionIds?.length ? { promotions: sale.promotionIds } : {}),
  };
}

/**
 * An online order as a report document, counted on the day it was placed and paid by card; `undefined`
 * while it does not count (not paid, cancelled, refunded).
 */
export function orderReportDocument(order: OrderLike): ReportDocument | undefined {
  if (!COUNTED_ORDER_STATUSES.has(order.status)) return undefined;
  return {
    id: order.id,
    channel: "online",
    kind: "sale",
    createdAt: order.createdAt,
    registerId: ONLINE,
    staffId: ONLINE,
    total: order.total,
    discountTotal: order.discountTotal,
    taxTotal: order.taxTotal,
    payments: [{ method: "card", amount: order.total }],
    lines: order.lines,
    ...(order.couponCode ? { promotions: [couponKey(order.couponCode)] } : {}),
  };
}
