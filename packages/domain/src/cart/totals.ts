import { sumBy } from "../money/arithmetic.ts";
import { mulQty } from "../money/arithmetic.ts";
import type { DocumentTotals, PricedLine } from "./types.ts";

/**
 * Document totals as exact sums of already-rounded lines. Use it to total any sale or refund,
 * and on the server to check that a pushed document's totals match its lines.
 */
export function documentTotals(lines: readonly PricedLine[]): DocumentTotals {
  return {
    subtotal: sumBy(lines, (l) => mulQty(l.unitPrice, l.qty)),
    discountTotal: sumBy(lines, (l) => l.discount),
    taxTotal: sumBy(lines, (l) => l.tax),
    total: sumBy(lines, (l) => l.total),
  };
}
