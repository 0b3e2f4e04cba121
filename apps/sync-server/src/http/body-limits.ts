import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app-env";
import { ApiError, ErrorCode } from "./errors";

/** The largest body any route but a sync push reads: sign-ins, checkouts and settings are small. */
export const MAX_API_BODY_BYTES = 64 * 1024;

/** Routes that take more than {@link MAX_API_BODY_BYTES}: an image upload, a catalog import. */
const LARGER: readonly (readonly [RegExp, number])[] = [
  [/^\/api\/v1\/media\/?$/, 2 * 1024 * 1024 + 1024],
  [/^\/api\/v1\/catalog\/import\/?$/, 8 * 1024 * 1024],
];

/**
 * A body limit on every route, checked before anything reads the body (unauthenticated routes
 * first of all): {@link MAX_API_BODY_BYTES}. A sync push sets its own, larger limit on its route; an image upload and a catalog import have theirs here.
 */
export function bodyLimits(): MiddlewareHandler<AppEnv> {
  const api = bodyLimit({
    maxSize: MAX_API_BODY_BYTES,
    onError: () => {
      throw new ApiError(ErrorCode.payload_too_large, `A request body may be at most ${MAX_API_BODY_BYTES} bytes here.`);
    },
  });
  const larger = LARGER.map(([path, maxSize]) => {
    const limit = bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(ErrorCode.payload_too_large, `A request body may be at most ${Math.floor(maxSize / 1024 / 1024)} MB here.`);
      },
    });
    return [path, limit] as const;
  });
  return (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || /^\/sync\/v1\/[^/]+\/push$/.test(c.req.path)) return next();
    const own = larger.find(([path]) => path.test(c.req.path));
    return (own?.[1] ?? api)(c, next);
  };
}
