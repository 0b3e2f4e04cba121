import { isDomainError } from "@countertop/domain";
import { ERROR_STATUS, ErrorCode } from "@countertop/sync-protocol";
import type { Context } from "hono";
import { isDatabaseUnavailable } from "../db/unavailable";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "./logger";

export { ErrorCode };

/**
 * An HTTP error with a code the client can act on; `app.onError` turns it into JSON. The status
 * comes from the code (`ERROR_STATUS` of `@countertop/sync-protocol`) unless one is given.
 */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown, status: ContentfulStatusCode = ERROR_STATUS[code]) {
    super(status, { message });
    this.code = code;
    this.details = details;
  }
}

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.bad_request,
  401: ErrorCode.unauthorized,
  403: ErrorCode.forbidden,
  404: ErrorCode.not_found,
  409: ErrorCode.conflict,
  413: ErrorCode.payload_too_large,
  426: ErrorCode.unsupported_protocol_version,
  429: ErrorCode.rate_limited,
};

/**
 * The single error path: every failure leaves as `{ error: { code, message } }`. A commerce rule
 * that refused its input (`DomainError`) is the caller's mistake: 400 with the rule's own code.
 */
export function errorHandler(log: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiError) {
      const body = { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
      return c.json(body, err.status);
    }
    if (isDomainError(err)) {
      return c.json(
        { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } },
        400,
      );
    }
    if (err instanceof HTTPException) {
      const code = CODE_BY_STATUS[err.status] ?? ErrorCode.bad_request;
      return c.json({ error: { code, message: err.message || "Request failed" } }, err.status);
    }
    if (isDatabaseUnavailable(err)) {
      log.error(`database unavailable on ${c.req.method} ${c.req.path}: ${err.message}`);
      c.header("retry-after", "2");
      return c.json(
        { error: { code: ErrorCode.unavailable, message: "The shop's database is restarting. Nothing was lost: try again in a moment." } },
        503,
      );
    }
    log.error(`unhandled error on ${c.req.method} ${c.req.path}`, err);
    return c.json(
      { error: { code: ErrorCode.internal, message: "Something went wrong on our side. Try again; if it persists, contact support." } },
      500,
    );
  };
}

/** 404 for anything no route matched. */
export function notFoundHandler(c: Context) {
  return c.json({ error: { code: ErrorCode.not_found, message: `No route for ${c.req.method} ${c.req.path}` } }, 404);
}
