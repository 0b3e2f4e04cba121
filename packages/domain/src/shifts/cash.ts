import { sumMinor } from "../money/arithmetic.ts";
import type { Payment } from "../payments/payments.ts";
import type { Minor } from "../units.ts";
import { minor } from "../units.ts";

/** Cash put into or taken out of the drawer outside a sale (change top-up, bank drop, petty cash). */
export interface CashMovement {
  readonly kind: "pay_in" | "pay_out";
  readonly amount: Minor;
}

/** A sale or refund as the drawer sees it. */
export interface DrawerDocument {
  readonly kind: "sale" | "refund";
  readonly payments: readonly Payment[];
}

/** The parts of the expected drawer amount, for the close-shift screen. */
export interface ExpectedCash {
  readonly openingFloat: Minor;
  /** Cash kept from sales: cash payment amounts, i.e. tendered − change. */
  readonly cashSales: Minor;
  /** Cash paid out for refunds. */
  readonly cashRefunds: Minor;
  readonly payIns: Minor;
  readonly payOuts: Minor;
  /** openingFloat + cashSales − cashRefunds + payIns − payOuts. */
  readonly expected: Minor;
}

const cashIn = (documents: readonly DrawerDocument[], kind: DrawerDocument["kind"]): Minor =>
  sumMinor(documents.filter((d) => d.kind === kind).flatMap((d) => d.payments.filter((p) => p.method === "cash").map((p) => p.amount)));

/**
 * What should be in the drawer at close. A cash payment's `amount` is what the sale kept
 * (`tendered − change`), so change handed back is never counted as takings.
 */
export function expectedCash(
  openingFloat: Minor,
  documents: readonly DrawerDocument[],
  movements: readonly CashMovement[] = [],
): ExpectedCash {
  const cashSales = cashIn(documents, "sale");
  const cashRefunds = cashIn(documents, "refund");
  const payIns = sumMinor(movements.filter((m) => m.kind === "pay_in").map((m) => m.amount));
  const payOuts = sumMinor(movements.filter((m) => m.kind === "pay_out").map((m) => m.amount));
  return {
    openingFloat,
    cashSales,
    cashRefunds,
    payIns,
    payOuts,
    expected: minor(openingFloat + cashSales - cashRefunds + payIns - payOuts),
  };
}

/** Counted minus expected: negative = drawer short, positive = over. */
export function cashVariance(counted: Minor, expected: Minor): Minor {
  return minor(counted - expected);
}
