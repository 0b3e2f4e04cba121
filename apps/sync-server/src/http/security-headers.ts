import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";

/**
 * The Content-Security-Policy of every page we serve. Scripts only from our own origin (no inline
 * script; `'wasm-unsafe-eval'` lets the till's barcode decoder compile its WebAssembly); styles from
 * our origin, plus the inline style attributes a shop's colours are set with; product pictures from
 * anywhere over https (a shop may host them elsewhere); never inside another site's frame.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Security headers on every answer: `nosniff` and a referrer policy everywhere; on HTML pages also
 * the CSP above and a permissions policy that lets only our own pages use the camera (the till's
 * scanner).
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
    if ((headers.get("content-type") ?? "").startsWith("text/html")) {
      headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      headers.set("X-Frame-Options", "DENY");
      headers.set("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=()");
    }
  };
}
