import { buildRefund, qty, refundableQuantities, SALE_ROUNDING, type RefundDocument } from "@countertop/domain";
import type { Sale, SalePayment } from "@countertop/sync-protocol";
import { priorRefund, refundableSale } from "../data/domain-sale";

/** Units of each line still refundable, given the refunds of this sale the till knows (its own and synced ones). */
export function stillRefundable(sale: Sale, refunds: readonly Sale[]): Map<string, number> {
  return refundableQuantities(refundableSale(sale), refunds.map(priorRefund));
}

/** The refund body for the chosen quantities (lines with 0 left out), or undefined when nothing is chosen. */
export function refundFor(sale: Sale, refunds: readonly Sale[], chosen: ReadonlyMap<string, number>): RefundDocument | undefined {
  // Another refund of this sale may have landed (this tab, another till's sync): never ask for more than is left.
  const left = stillRefundable(sale, refunds);
  const lines = [...chosen]
    .map(([lineId, n]) => ({ lineId, n: Math.min(n, left.get(lineId) ?? 0) }))
    .filter((l) => l.n > 0)
    .map((l) => ({ lineId: l.lineId, qty: qty(l.n) }));
  if (lines.length === 0) return undefined;
  return buildRefund({
    sale: refundableSale(sale),
    priorRefunds: refunds.map(priorRefund),
    lines,
    taxMode: sale.taxMode,
    rounding: SALE_ROUNDING,
  });
}

/**
 * How a refund is paid back: all in cash, or to the original methods — card and other first (up
 * to what each paid), the rest in cash.
 */
export function refundPayments(sale: Sale, total: number, to: "original" | "cash"): SalePayment[] {
  if (to === "cash") return [{ method: "cash", amount: total }];
  const out: SalePayment[] = [];
  let left = total;
  const ordered = [...sale.payments.filter((p) => p.method !== "cash"), ...sale.payments.filter((p) => p.method === "cash")];
  for (const p of ordered) {
    if (left === 0) break;
    const amount = Math.min(left, p.amount);
    if (amount <= 0) continue;
    const existing = out.find((o) => o.method === p.method);
    if (existing) existing.amount += amount;
    else out.push({ method: p.method, amount, ...(p.reference ? { reference: p.reference } : {}) });
    left -= amount;
  }
  if (left > 0) out.push({ method: "cash", amount: left });
  return out;
}
