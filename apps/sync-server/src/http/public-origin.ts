import type { Context } from "hono";

/**
 * The origin the caller reached this server at (`https://admin.example.com`), for links in emails
 * and answers: the request's own, or — only with `TRUST_PROXY` — the one a reverse proxy names in
 * `X-Forwarded-Proto` / `X-Forwarded-Host`.
 */
export function publicOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  const forwarded = (name: string) => (trustProxy ? c.req.header(name)?.split(",")[0]?.trim() : undefined);
  const proto = forwarded("x-forwarded-proto") || url.protocol.replace(":", "");
  const host = forwarded("x-forwarded-host") || c.req.header("host") || url.host;
  return `${proto}://${host}`;
}
