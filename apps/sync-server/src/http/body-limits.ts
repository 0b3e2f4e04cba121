import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app-env";
import { ApiError, ErrorCode } from "./errors";

/** The largest body any route but a sync push reads: sign-ins, checkouts and settings are small. */
export const MAX_API_BODY_BYTES = 64 * 1024;

/**
 * A body limit on every route, checked before anything reads the body (unauthenticated routes
 * first of all): {@link MAX_API_BODY_BYTES}. A sync push sets its own, larger limit on its route.
 */
export function bodyLimits(): MiddlewareHandler<AppEnv> {
  const api = bodyLimit({
    maxSize: MAX_API_BODY_BYTES,
    onError: () => {
      throw new ApiError(ErrorCode.payload_too_large, `A request body may be at most ${MAX_API_BODY_BYTES} bytes here.`);
    },
  });
  return (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || /^\/sync\/v1\/[^/]+\/push$/.test(c.req.path)) return next();
    return api(c, next);
  };
}
