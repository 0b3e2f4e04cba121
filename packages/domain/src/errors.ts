/**
 * Every way a commerce rule can refuse its input. The server maps these codes to
 * `{ error: { code, message } }` unchanged, so treat the values as public and never rename one.
 */
export const DomainErrorCode = {
  InvalidAmount: "invalid_amount",
  InvalidQuantity: "invalid_quantity",
  InvalidRate: "invalid_rate",
  DivisionByZero: "division_by_zero",
  UnknownCurrency: "unknown_currency",
  InvalidMoneyString: "invalid_money_string",
  InvalidDiscount: "invalid_discount",
  InvalidPromotion: "invalid_promotion",
  InvalidAllocation: "invalid_allocation",
  InvalidCashRounding: "invalid_cash_rounding",
  InvalidPayment: "invalid_payment",
  PaymentMismatch: "payment_mismatch",
  InsufficientTender: "insufficient_tender",
  UnknownLine: "unknown_line",
  DuplicateLine: "duplicate_line",
  RefundExceedsSold: "refund_exceeds_sold",
  InvalidDenomination: "invalid_denomination",
  IllegalTransition: "illegal_transition",
  InvalidReceiptNumber: "invalid_receipt_number",
} as const;

/** One of the values of {@link DomainErrorCode}. */
export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

/**
 * A commerce rule refused its input. `code` is stable and machine-readable; `message` is for people.
 *
 * @example
 * try { transition("cancelled", "paid"); }
 * catch (e) { if (isDomainError(e, DomainErrorCode.IllegalTransition)) showConflict(); }
 */
export class DomainError extends Error {
  override readonly name = "DomainError";

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

/** True when `error` is a {@link DomainError}, optionally with the given code. */
export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
