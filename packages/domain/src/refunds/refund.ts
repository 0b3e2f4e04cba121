import { documentTotals } from "../cart/totals.ts";
import type { DocumentTotals, PricedLine } from "../cart/types.ts";
import { DomainError, DomainErrorCode } from "../errors.ts";
import { mulQty, sumBy } from "../money/arithmetic.ts";
import { divRound, type RoundingMode } from "../money/rounding.ts";
import type { TaxMode } from "../tax/tax.ts";
import type { Minor, Qty } from "../units.ts";
import { minor, positiveQty, qty } from "../units.ts";

/** The original sale, as far as refunds care. */
export interface RefundableSale {
  readonly id: string;
  readonly lines: readonly PricedLine[];
}

/**
 * An earlier refund of (possibly) the same sale. Refund lines carry the id of the sale line they
 * return — the wire line shape has no separate link field, and stock movement ids
 * `{saleId}:{lineId}` stay unique because the refund's sale id differs.
 */
export interface PriorRefund {
  /** When present and not the sale's id, the refund is ignored. */
  readonly originalSaleId?: string;
  readonly lines: readonly Pick<PricedLine, "id" | "qty" | "discount" | "tax" | "total">[];
}

/** One line to refund: which sale line, how many units. */
export interface RefundRequestLine {
  readonly lineId: string;
  readonly qty: Qty;
}

/** What {@link buildRefund} needs. `taxMode` is the original sale's. */
export interface BuildRefundInput {
  readonly sale: RefundableSale;
  readonly priorRefunds?: readonly PriorRefund[];
  readonly lines: readonly RefundRequestLine[];
  readonly taxMode: TaxMode;
  /** Rounding for the pro-rata shares; any mode keeps full refunds exact. Default `half_up`. */
  readonly rounding?: RoundingMode;
}

/** A refund document's body: `kind: "refund"`, wire-shaped lines (qty positive) and totals. */
export interface RefundDocument extends DocumentTotals {
  readonly kind: "refund";
  readonly originalSaleId: string;
  readonly lines: readonly PricedLine[];
}

function priorFor(sale: RefundableSale, priorRefunds: readonly PriorRefund[]) {
  const relevant = priorRefunds.filter((r) => r.originalSaleId === undefined || r.originalSaleId === sale.id);
  const linesOf = (lineId: string) => relevant.flatMap((r) => r.lines.filter((l) => l.id === lineId));
  return (lineId: string) => {
    const lines = linesOf(lineId);
    return {
      qty: lines.reduce((n, l) => n + l.qty, 0),
      discount: sumBy(lines, (l) => l.discount),
      tax: sumBy(lines, (l) => l.tax),
    };
  };
}

/**
 * Units of each sale line that can still be refunded: sold minus already refunded.
 *
 * @example
 * refundableQuantities(sale, [earlierRefund]) // Map { "line-1" => 1, "line-2" => 3 }
 */
export function refundableQuantities(sale: RefundableSale, priorRefunds: readonly PriorRefund[] = []): Map<string, Qty> {
  const prior = priorFor(sale, priorRefunds);
  return new Map(sale.lines.map((l) => [l.id, qty(Math.max(0, l.qty - prior(l.id).qty))]));
}

/**
 * Builds a partial or full refund. Each refund line takes its discount and tax from the original
 * line pro rata by the CUMULATIVE approach: the share for all units refunded so far is
 * `round(amount × refundedQty / soldQty)`, minus what earlier refunds already returned. So
 * refunding every unit, in any partition over any number of refunds, returns exactly the line's
 * discount and tax; `total` then follows the line contract (`qty × unitPrice − discount`, plus tax
 * when exclusive), so totals are exact too and every refund line re-checks like a sale line.
 * Throws `unknown_line`, `duplicate_line`, `invalid_quantity` or `refund_exceeds_sold`.
 *
 * @example
 * buildRefund({ sale, lines: [{ lineId: "l1", qty: qty(1) }], taxMode: "inclusive" }).total
 */
export function buildRefund(input: BuildRefundInput): RefundDocument {
  const { sale, taxMode } = input;
  const rounding = input.rounding ?? "half_up";
  const prior = priorFor(sale, input.priorRefunds ?? []);
  const seen = new Set<string>();
  const lines = input.lines.map((request): PricedLine => {
    const original = sale.lines.find((l) => l.id === request.lineId);
    if (!original)
      throw new DomainError(DomainErrorCode.UnknownLine, `Sale ${sale.id} has no line ${request.lineId}`, { lineId: request.lineId });
    if (seen.has(request.lineId))
      throw new DomainError(DomainErrorCode.DuplicateLine, `Line ${request.lineId} requested twice`, { lineId: request.lineId });
    seen.add(request.lineId);
    const units = positiveQty(request.qty);
    const before = prior(original.id);
    const after = before.qty + units;
    if (after > original.qty) {
      throw new DomainError(
        DomainErrorCode.RefundExceedsSold,
        `Refunding ${units} of line ${original.id} would exceed the ${original.qty - before.qty} left`,
        {
          lineId: original.id,
          sold: original.qty,
          alreadyRefunded: before.qty,
          requested: units,
        },
      );
    }
    const share = (amount: Minor, already: Minor): Minor =>
      minor(Math.max(0, divRound(BigInt(amount) * BigInt(after), original.qty, rounding) - already));
    const listed = mulQty(original.unitPrice, units);
    const discount = minor(Math.min(share(original.discount, before.discount), listed));
    const tax = share(original.tax, before.tax);
    const net = minor(listed - discount);
    return { ...pickLine(original), qty: units, discount, tax, total: taxMode === "inclusive" ? net : minor(net + tax) };
  });
  return { kind: "refund", originalSaleId: sale.id, lines, ...documentTotals(lines) };
}

function pickLine(l: PricedLine): PricedLine {
  const { id, variantId, sku, name, qty: q, unitPrice, discount, taxRate, tax, total } = l;
  return { id, variantId, sku, name, qty: q, unitPrice, discount, taxRate, tax, total };
}
