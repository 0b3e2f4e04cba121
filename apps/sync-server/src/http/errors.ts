import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "./app-env";

/** Machine-readable error codes of every JSON error the server sends. */
export const ApiErrorCode = {
  BadRequest: "bad_request",
  Unauthorized: "unauthorized",
  Forbidden: "forbidden",
  NotFound: "not_found",
  Conflict: "conflict",
  PayloadTooLarge: "payload_too_large",
  UnsupportedProtocolVersion: "unsupported_protocol_version",
  RateLimited: "rate_limited",
  TenantSuspended: "tenant_suspended",
  Internal: "internal",
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

/** An HTTP error with a code the client can act on; `app.onError` turns it into JSON. */
export class ApiError extends HTTPException {
  readonly code: ApiErrorCode;
  readonly details: unknown;
  constructor(status: ContentfulStatusCode, code: ApiErrorCode, message: string, details?: unknown) {
    super(status, { message });
    this.code = code;
    this.details = details;
  }
}

const CODE_BY_STATUS: Partial<Record<number, ApiErrorCode>> = {
  400: ApiErrorCode.BadRequest,
  401: ApiErrorCode.Unauthorized,
  403: ApiErrorCode.Forbidden,
  404: ApiErrorCode.NotFound,
  409: ApiErrorCode.Conflict,
  413: ApiErrorCode.PayloadTooLarge,
  426: ApiErrorCode.UnsupportedProtocolVersion,
  429: ApiErrorCode.RateLimited,
};

/** The single error path: every failure leaves as `{ error: { code, message } }`. */
export function errorHandler(log: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiError) {
      const body = { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
      return c.json(body, err.status);
    }
    if (err instanceof HTTPException) {
      const code = CODE_BY_STATUS[err.status] ?? ApiErrorCode.BadRequest;
      return c.json({ error: { code, message: err.message || "Request failed" } }, err.status);
    }
    log.error(`unhandled error on ${c.req.method} ${c.req.path}`, err);
    return c.json(
      { error: { code: ApiErrorCode.Internal, message: "Something went wrong on our side. Try again; if it persists, contact support." } },
      500,
    );
  };
}

/** 404 for anything no route matched. */
export function notFoundHandler(c: Context) {
  return c.json({ error: { code: ApiErrorCode.NotFound, message: `No route for ${c.req.method} ${c.req.path}` } }, 404);
}
