import { mergeTaxBreakdowns, taxBreakdown, type TaxableLine, type TaxRateTotal } from "../tax/tax.ts";
import { sumBy, sumMinor } from "../money/arithmetic.ts";
import { cashRoundingOf, type Payment, type PaymentMethod } from "../payments/payments.ts";
import type { Minor } from "../units.ts";
import { minor } from "../units.ts";
import { cashVariance, expectedCash, type CashMovement, type ExpectedCash } from "./cash.ts";

/** A sale or refund of the shift, as the Z-report needs it (the wire `sales` document fits). */
export interface ZReportDocument {
  readonly kind: "sale" | "refund";
  readonly discountTotal: Minor;
  readonly taxTotal: Minor;
  readonly total: Minor;
  readonly lines: readonly TaxableLine[];
  readonly payments: readonly Payment[];
}

/** What a shift's Z-report is built from. */
export interface ZReportInput {
  readonly openingFloat: Minor;
  readonly documents: readonly ZReportDocument[];
  readonly cashMovements?: readonly CashMovement[];
  readonly countedCash?: Minor;
}

/** Money taken and returned through one payment method. */
export interface PaymentMethodTotal {
  readonly method: PaymentMethod;
  readonly sales: Minor;
  readonly refunds: Minor;
  readonly net: Minor;
}

/** The end-of-shift report. Every figure is a sum of recorded documents; nothing is re-priced. */
export interface ZReport {
  readonly saleCount: number;
  readonly refundCount: number;
  /** Σ total of sales: what customers paid, tax included, after discounts. */
  readonly grossSales: Minor;
  /** Σ total of refunds. */
  readonly refundsTotal: Minor;
  /** grossSales − refundsTotal. */
  readonly netSales: Minor;
  /** Discounts on sales minus discounts returned by refunds. */
  readonly discountTotal: Minor;
  /** Tax on sales minus tax refunded. */
  readonly taxTotal: Minor;
  /** netSales − taxTotal. */
  readonly netExTax: Minor;
  /** Per method, in the order cash, card, other; methods unused in the shift are left out. */
  readonly byPaymentMethod: readonly PaymentMethodTotal[];
  /** Per tax rate, refunds subtracted. */
  readonly byTaxRate: readonly TaxRateTotal[];
  /** Net effect of cash rounding: sales' (paid − total) minus refunds' (paid out − total). */
  readonly cashRoundingTotal: Minor;
  readonly cash: ExpectedCash;
  readonly countedCash?: Minor;
  /** countedCash − expected, when counted. */
  readonly variance?: Minor;
}

const METHODS: readonly PaymentMethod[] = ["cash", "card", "other"];

/**
 * Aggregates a shift's sales and refunds into its Z-report.
 *
 * @example
 * const z = zReport({ openingFloat: minor(10000), documents: shiftSales, countedCash: minor(23450) });
 * z.variance // e.g. -50: the drawer is 0.50 short
 */
export function zReport(input: ZReportInput): ZReport {
  const sales = input.documents.filter((d) => d.kind === "sale");
  const refunds = input.documents.filter((d) => d.kind === "refund");
  const grossSales = sumBy(sales, (d) => d.total);
  const refundsTotal = sumBy(refunds, (d) => d.total);
  const netSales = minor(grossSales - refundsTotal);
  const taxTotal = minor(sumBy(sales, (d) => d.taxTotal) - sumBy(refunds, (d) => d.taxTotal));
  const paid = (docs: readonly ZReportDocument[], method: PaymentMethod) =>
    sumMinor(docs.flatMap((d) => d.payments.filter((p) => p.method === method).map((p) => p.amount)));
  const byPaymentMethod = METHODS.filter((method) => input.documents.some((d) => d.payments.some((p) => p.method === method))).map(
    (method) => {
      const s = paid(sales, method);
      const r = paid(refunds, method);
      return { method, sales: s, refunds: r, net: minor(s - r) };
    },
  );
  const cash = expectedCash(input.openingFloat, input.documents, input.cashMovements);
  const report: ZReport = {
    saleCount: sales.length,
    refundCount: refunds.length,
    grossSales,
    refundsTotal,
    netSales,
    discountTotal: minor(sumBy(sales, (d) => d.discountTotal) - sumBy(refunds, (d) => d.discountTotal)),
    taxTotal,
    netExTax: minor(netSales - taxTotal),
    byPaymentMethod,
    byTaxRate: mergeTaxBreakdowns([
      taxBreakdown(sales.flatMap((d) => d.lines)),
      taxBreakdown(
        refunds.flatMap((d) => d.lines),
        -1,
      ),
    ]),
    cashRoundingTotal: minor(sumBy(sales, cashRoundingOf) - sumBy(refunds, cashRoundingOf)),
    cash,
  };
  if (input.countedCash === undefined) return report;
  return { ...report, countedCash: input.countedCash, variance: cashVariance(input.countedCash, cash.expected) };
}
