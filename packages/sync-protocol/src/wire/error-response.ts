import { z } from "zod";

/** Every error code the server answers with, in `{ error: { code } }`. */
export const ErrorCode = {
  bad_request: "bad_request",
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  not_found: "not_found",
  conflict: "conflict",
  payload_too_large: "payload_too_large",
  unsupported_protocol_version: "unsupported_protocol_version",
  rate_limited: "rate_limited",
  tenant_suspended: "tenant_suspended",
  internal: "internal",
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
  unsupported_protocol_version: 426,
  rate_limited: 429,
  tenant_suspended: 403,
  internal: 500,
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
