import { z } from "zod";

/**
 * Every error code the server answers with, in `{ error: { code } }`: the one table of them, which
 * the server imports. Clients should treat a code they do not know as its HTTP status.
 */
export const ErrorCode = {
  bad_request: "bad_request",
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  not_found: "not_found",
  conflict: "conflict",
  payload_too_large: "payload_too_large",
  /** An upload that is not of a type the route takes (an image that is not a JPEG, PNG or WebP). */
  unsupported_media_type: "unsupported_media_type",
  unsupported_protocol_version: "unsupported_protocol_version",
  rate_limited: "rate_limited",
  tenant_suspended: "tenant_suspended",
  internal: "internal",
  /** The server runs but the app asked for was not built (`pnpm build`). */
  not_built: "not_built",
  /** A service the request needs (the database, the payment provider) is away for now: retry the same request. */
  unavailable: "unavailable",
  /** The card was declined; nothing was charged and no order was made. */
  payment_declined: "payment_declined",
  /** An `Idempotency-Key` the caller already used with another request body. */
  idempotency_key_reused: "idempotency_key_reused",
  /** The shop's plan allows no more of this (tills, products, staff, locations); upgrading or removing some lifts it. */
  plan_limit: "plan_limit",
  /** The shop's plan has this part of the product switched off (the online shop, online orders, …). */
  module_disabled: "module_disabled",
  // A commerce rule of `@countertop/domain` refused the input (its `DomainErrorCode`, unchanged).
  invalid_amount: "invalid_amount",
  invalid_quantity: "invalid_quantity",
  invalid_rate: "invalid_rate",
  division_by_zero: "division_by_zero",
  unknown_currency: "unknown_currency",
  invalid_money_string: "invalid_money_string",
  invalid_discount: "invalid_discount",
  invalid_promotion: "invalid_promotion",
  invalid_allocation: "invalid_allocation",
  invalid_cash_rounding: "invalid_cash_rounding",
  invalid_payment: "invalid_payment",
  payment_mismatch: "payment_mismatch",
  insufficient_tender: "insufficient_tender",
  unknown_line: "unknown_line",
  duplicate_line: "duplicate_line",
  refund_exceeds_sold: "refund_exceeds_sold",
  invalid_denomination: "invalid_denomination",
  illegal_transition: "illegal_transition",
  invalid_receipt_number: "invalid_receipt_number",
} as const;

/** @see ErrorCode */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The HTTP status that goes with each error code, so every server route answers alike. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unsupported_protocol_version: 426,
  rate_limited: 429,
  tenant_suspended: 403,
  internal: 500,
  not_built: 503,
  unavailable: 503,
  payment_declined: 402,
  idempotency_key_reused: 422,
  plan_limit: 402,
  module_disabled: 403,
  invalid_amount: 400,
  invalid_quantity: 400,
  invalid_rate: 400,
  division_by_zero: 400,
  unknown_currency: 400,
  invalid_money_string: 400,
  invalid_discount: 400,
  invalid_promotion: 400,
  invalid_allocation: 400,
  invalid_cash_rounding: 400,
  invalid_payment: 400,
  payment_mismatch: 400,
  insufficient_tender: 400,
  unknown_line: 400,
  duplicate_line: 400,
  refund_exceeds_sold: 400,
  invalid_denomination: 400,
  illegal_transition: 400,
  invalid_receipt_number: 400,
} as const satisfies Record<ErrorCode, number>;

/** Parses an error code. */
export const errorCodeSchema = z.enum(ErrorCode);

/**
 * The body of every error answer of `/sync` and `/api`. `details` is for machines (e.g. zod issues
 * of a bad body, the supported protocol versions); `message` is for people.
 * @example
 * return c.json({ error: { code: ErrorCode.not_found, message: "unknown collection" } }, 404);
 */
export const errorResponseSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string().max(2000),
    details: z.unknown().optional(),
  }),
});

/** @see errorResponseSchema */
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
