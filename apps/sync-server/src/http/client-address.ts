import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The caller's address, for rate limits and the audit log. Behind a reverse proxy every request
 * comes from the proxy, so with `trustProxy` (env `TRUST_PROXY`, set only when one is in front) the
 * address is the last one the proxy appended to `X-Forwarded-For`; without it that header is
 * ignored, since any client can send one. In-process test requests have no address: `"local"`.
 */
export function clientAddress(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req
      .header("x-forwarded-for")
      ?.split(",")
      .map((a) => a.trim())
      .filter(Boolean)
      .at(-1);
    if (forwarded) return forwarded.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}
