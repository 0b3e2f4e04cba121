import { sumMinor } from "../money/arithmetic.ts";
import { divRound, type RoundingMode } from "../money/rounding.ts";
import type { BasisPoints, Minor } from "../units.ts";
import { FULL_RATE, minor } from "../units.ts";

/**
 * Whether listed prices already contain tax (`inclusive`, usual for VAT/GST shops) or tax is added
 * on top at the till (`exclusive`, usual for US sales tax).
 */
export type TaxMode = "inclusive" | "exclusive";

/** The amounts of one taxed line: `total = net + tax`. */
export interface TaxedAmount {
  readonly net: Minor;
  readonly tax: Minor;
  readonly total: Minor;
}

/**
 * The tax contained in a tax-inclusive `gross`: `round(gross × rate / (10000 + rate))`.
 *
 * @example
 * taxIncluded(minor(1000), bp(2000), "half_up") // 167: €10.00 at 20 % VAT
 */
export function taxIncluded(gross: Minor, rate: BasisPoints, mode: RoundingMode): Minor {
  return minor(divRound(BigInt(gross) * BigInt(rate), BigInt(FULL_RATE) + BigInt(rate), mode));
}

/**
 * The tax added on top of a tax-exclusive `net`: `round(net × rate / 10000)`.
 *
 * @example
 * taxAdded(minor(1000), bp(825), "half_up") // 83: $10.00 at 8.25 %
 */
export function taxAdded(net: Minor, rate: BasisPoints, mode: RoundingMode): Minor {
  return minor(divRound(BigInt(net) * BigInt(rate), FULL_RATE, mode));
}

/**
 * Taxes one line's amount (after discounts) in either mode, rounding once for the line. Document
 * totals are then sums of these rounded lines, never a recomputation on the sum, so a receipt
 * always adds up.
 *
 * @example
 * taxLine(minor(1000), bp(2000), "inclusive", "half_up") // { net: 833, tax: 167, total: 1000 }
 * taxLine(minor(1000), bp(2000), "exclusive", "half_up") // { net: 1000, tax: 200, total: 1200 }
 */
export function taxLine(amount: Minor, rate: BasisPoints, taxMode: TaxMode, mode: RoundingMode): TaxedAmount {
  if (taxMode === "inclusive") {
    const tax = taxIncluded(amount, rate, mode);
    return { net: minor(amount - tax), tax, total: amount };
  }
  const tax = taxAdded(amount, rate, mode);
  return { net: amount, tax, total: minor(amount + tax) };
}

/** Net (total − tax) and tax for one tax rate, as printed in a receipt's or Z-report's tax table. */
export interface TaxRateTotal {
  readonly rate: BasisPoints;
  readonly net: Minor;
  readonly tax: Minor;
  readonly total: Minor;
}

/** The least a line needs to appear in a tax breakdown. */
export interface TaxableLine {
  readonly taxRate: BasisPoints;
  readonly tax: Minor;
  readonly total: Minor;
}

/**
 * Groups lines by tax rate (ascending), summing their already-rounded tax and totals, with
 * `net = total − tax`. `sign` −1 subtracts (refund lines in a Z-report).
 */
export function taxBreakdown(lines: readonly TaxableLine[], sign: 1 | -1 = 1): TaxRateTotal[] {
  const byRate = new Map<number, { tax: Minor[]; total: Minor[] }>();
  for (const line of lines) {
    const entry = byRate.get(line.taxRate) ?? { tax: [], total: [] };
    entry.tax.push(sign === 1 ? line.tax : minor(0 - line.tax));
    entry.total.push(sign === 1 ? line.total : minor(0 - line.total));
    byRate.set(line.taxRate, entry);
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rate, entry]) => {
      const tax = sumMinor(entry.tax);
      const total = sumMinor(entry.total);
      return { rate: rate as BasisPoints, net: minor(total - tax), tax, total };
    });
}

/** Adds tax tables together rate by rate (e.g. sales and refunds of a shift). */
export function mergeTaxBreakdowns(tables: readonly (readonly TaxRateTotal[])[]): TaxRateTotal[] {
  return taxBreakdown(tables.flat().map((row) => ({ taxRate: row.rate, tax: row.tax, total: row.total })));
}
