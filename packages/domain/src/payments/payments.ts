import { DomainError, DomainErrorCode } from "../errors.ts";
import { sumBy } from "../money/arithmetic.ts";
import type { Minor } from "../units.ts";
import { minor, nonNegativeMinor } from "../units.ts";
import { roundCash, type CashRounding } from "./cash-rounding.ts";

/** How a payment was taken. */
export type PaymentMethod = "cash" | "card" | "other";

/**
 * One payment of a sale, as on the wire. `amount` is what it contributes to the sale; for cash,
 * `tendered` is what the customer handed over and `change = tendered − amount` what went back.
 */
export interface Payment {
  readonly method: PaymentMethod;
  readonly amount: Minor;
  readonly tendered?: Minor;
  readonly change?: Minor;
  readonly reference?: string;
}

/** What the cashier enters for one tender. The cash tender's amount is derived: whatever is left, rounded. */
export type TenderInput =
  | { readonly method: "cash"; readonly tendered: Minor }
  | { readonly method: "card" | "other"; readonly amount: Minor; readonly reference?: string };

/** A settled payment set: the wire payments plus the numbers the till shows. */
export interface Settlement {
  readonly payments: readonly Payment[];
  /** Σ payment amounts = total + cashRoundingAdjustment. */
  readonly paidTotal: Minor;
  /** How much cash rounding moved the cash due (negative = customer paid less). */
  readonly cashRoundingAdjustment: Minor;
  readonly change: Minor;
}

function mismatch(message: string, details: Readonly<Record<string, unknown>>): never {
  throw new DomainError(DomainErrorCode.PaymentMismatch, message, details);
}

/**
 * Turns the cashier's tenders into wire payments for a document `total`. Card and other tenders
 * are taken as entered; the single cash tender (if any) covers the rest, rounded with
 * `cashRounding`, and only cash gives change. Throws `payment_mismatch` when the tenders do not
 * cover the total exactly (or overpay by card), `insufficient_tender` when the cash handed over is
 * short, `invalid_payment` for a second cash tender or a negative amount.
 *
 * @example
 * settlePayments(minor(2500), [{ method: "card", amount: minor(1000), reference: "A1" }, { method: "cash", tendered: minor(2000) }])
 * // payments: card 1000, cash { amount: 1500, tendered: 2000, change: 500 }; change 500
 */
export function settlePayments(total: Minor, tenders: readonly TenderInput[], cashRounding?: CashRounding): Settlement {
  nonNegativeMinor(total);
  const cashTenders = tenders.filter((t) => t.method === "cash");
  if (cashTenders.length > 1) throw new DomainError(DomainErrorCode.InvalidPayment, "At most one cash tender per sale");
  const nonCash: Payment[] = [];
  for (const t of tenders) {
    if (t.method === "cash") continue;
    nonNegativeMinor(t.amount);
    nonCash.push(
      t.reference === undefined ? { method: t.method, amount: t.amount } : { method: t.method, amount: t.amount, reference: t.reference },
    );
  }
  const nonCashTotal = sumBy(nonCash, (p) => p.amount);
  const cash = cashTenders[0];
  if (!cash) {
    if (nonCashTotal !== total) mismatch(`Payments ${nonCashTotal} do not equal total ${total}`, { total, paid: nonCashTotal });
    return { payments: nonCash, paidTotal: nonCashTotal, cashRoundingAdjustment: minor(0), change: minor(0) };
  }
  if (nonCashTotal > total) mismatch(`Card and other payments ${nonCashTotal} exceed total ${total}`, { total, paid: nonCashTotal });
  const { due, adjustment } = roundCash(minor(total - nonCashTotal), cashRounding);
  const tendered = nonNegativeMinor(cash.tendered);
  if (tendered < due) {
    throw new DomainError(DomainErrorCode.InsufficientTender, `Cash tendered ${tendered} is less than cash due ${due}`, { due, tendered });
  }
  const change = minor(tendered - due);
  const payments = [...nonCash, { method: "cash", amount: due, tendered, change } as const];
  return { payments, paidTotal: minor(nonCashTotal + due), cashRoundingAdjustment: adjustment, change };
}

/**
 * Re-checks a document's wire payments (the server does this for every pushed sale): amounts are
 * non-negative, only cash carries `tendered`/`change` with `change = tendered − amount`, and the
 * amounts sum to `total` plus exactly the cash rounding of the cash part. Returns that adjustment.
 */
export function assertPaymentsValid(total: Minor, payments: readonly Payment[], cashRounding?: CashRounding): Minor {
  let cashCount = 0;
  for (const p of payments) {
    nonNegativeMinor(p.amount);
    if (p.method === "cash") {
      cashCount += 1;
      const tendered = p.tendered ?? p.amount;
      const change = p.change ?? 0;
      if (nonNegativeMinor(tendered) - nonNegativeMinor(change) !== p.amount) {
        throw new DomainError(DomainErrorCode.InvalidPayment, `Cash change ${change} is not tendered ${tendered} − amount ${p.amount}`, {
          payment: p,
        });
      }
    } else if ((p.change ?? 0) !== 0) {
      throw new DomainError(DomainErrorCode.InvalidPayment, `Only cash gives change, not ${p.method}`, { payment: p });
    }
  }
  if (cashCount > 1) throw new DomainError(DomainErrorCode.InvalidPayment, "At most one cash payment per sale");
  const nonCashTotal = sumBy(
    payments.filter((p) => p.method !== "cash"),
    (p) => p.amount,
  );
  const paid = sumBy(payments, (p) => p.amount);
  const adjustment = cashCount === 1 ? roundCash(minor(total - nonCashTotal), cashRounding).adjustment : minor(0);
  if (paid !== total + adjustment) {
    mismatch(`Payments ${paid} do not equal total ${total}${adjustment ? ` with cash rounding ${adjustment}` : ""}`, {
      total,
      paid,
      adjustment,
    });
  }
  return adjustment;
}

/** The cash rounding a recorded document carries: Σ payment amounts − total. */
export function cashRoundingOf(document: { readonly total: Minor; readonly payments: readonly Payment[] }): Minor {
  return minor(sumBy(document.payments, (p) => p.amount) - document.total);
}
