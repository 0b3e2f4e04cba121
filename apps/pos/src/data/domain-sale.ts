import {
  bp,
  minor,
  qty,
  type Payment,
  type PricedLine,
  type PriorRefund,
  type RefundableSale,
  type ZReportDocument,
} from "@countertop/domain";
import type { Sale, SalePayment } from "@countertop/sync-protocol";

/*
 * Replicated sales in the domain's units (minor units, quantities, basis points). The replica only
 * stores documents its schema accepted, so these conversions never throw in practice; they check
 * each number rather than cast the whole document.
 */

function pricedLine(line: Sale["lines"][number]): PricedLine {
  return {
    ...line,
    qty: qty(line.qty),
    unitPrice: minor(line.unitPrice),
    discount: minor(line.discount),
    taxRate: bp(line.taxRate),
    tax: minor(line.tax),
    total: minor(line.total),
  };
}

function payment(p: SalePayment): Payment {
  return {
    method: p.method,
    amount: minor(p.amount),
    ...(p.tendered !== undefined ? { tendered: minor(p.tendered) } : {}),
    ...(p.change !== undefined ? { change: minor(p.change) } : {}),
    ...(p.reference !== undefined ? { reference: p.reference } : {}),
  };
}

/** A sale as the domain's refund rules read it. */
export function refundableSale(sale: Sale): RefundableSale {
  return { id: sale.id, lines: sale.lines.map(pricedLine) };
}

/** A refund already made, as the domain's refund rules read it. */
export function priorRefund(refund: Sale): PriorRefund {
  return { ...(refund.originalSaleId ? { originalSaleId: refund.originalSaleId } : {}), lines: refund.lines.map(pricedLine) };
}

/** A sale or refund as the Z-report and the drawer count read it. */
export function zReportDocument(sale: Sale): ZReportDocument {
  return {
    kind: sale.kind,
    discountTotal: minor(sale.discountTotal),
    taxTotal: minor(sale.taxTotal),
    total: minor(sale.total),
    lines: sale.lines.map(pricedLine),
    payments: sale.payments.map(payment),
  };
}
