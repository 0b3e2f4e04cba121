import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { parseAccept } from "hono/utils/accept";
import type { AppEnv } from "./app-env";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Where the line is drawn (measured on the 2-core bench machine, one pull page of 1 000 sales, 1 MB
 * of JSON that the server splices from PostgreSQL's text without serialising it): brotli quality 1
 * takes 2.5 ms and sends 152 KB (6.5×); quality 4 took 7.1 ms for 132 KB (7.5×), more than the rest
 * of the server's work on the page, and a till's first sync of 121 000 documents shares the machine
 * with it. gzip 6 (zlib's default) is the fallback. Answers under 1 KiB are sent as they are: the
 * saving is less than one packet and the work is not.
 */
export const COMPRESS = { threshold: 1024, brotliQuality: 1, gzipLevel: 6 } as const;

/** Answers built whole in memory that pay to compress: JSON (pull pages, API answers) and HTML shells. */
const COMPRESSIBLE = /^(application\/(json|manifest\+json)|text\/html)\b/i;

type Encoding = "br" | "gzip";

/** The encoding to answer with for an `Accept-Encoding` header: brotli when wanted at least as much as gzip. */
export function chooseEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const accepts = parseAccept(header);
  const star = accepts.find((a) => a.type === "*")?.q ?? 0;
  const q = (name: Encoding) => accepts.find((a) => a.type.toLowerCase() === name)?.q ?? star;
  const [br, gz] = [q("br"), q("gzip")];
  if (br > 0 && br >= gz) return "br";
  return gz > 0 ? "gzip" : undefined;
}

/** Adds `Accept-Encoding` to a response's `Vary` once. */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get("Vary");
  if (vary === "*" || (vary && /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary))) return;
  headers.set("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
}

/**
 * Compresses JSON and HTML answers on the fly (brotli or gzip by `Accept-Encoding`, see
 * {@link COMPRESS}), off the event loop in libuv's thread pool. Never touches a stream: SSE
 * (`text/event-stream`) must reach the client event by event, and files already compressed at build
 * time (a `Content-Encoding` is set) go out as they are.
 */
export function compressAnswers(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get("Content-Type") ?? "";
    if (!COMPRESSIBLE.test(type) || c.req.method === "HEAD") return;
    if (res.headers.has("Content-Encoding") || res.status === 206 || res.status === 204 || res.status === 304) return;
    if (/(^|,)\s*no-transform\s*(,|$)/i.test(res.headers.get("Cache-Control") ?? "")) return;
    varyOnEncoding(res.headers);
    const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
    const length = Number(res.headers.get("Content-Length") ?? Number.NaN);
    if (!encoding || length < COMPRESS.threshold) return;
    // Only now: reading `body` turns the server's lightweight answer into a full Response (its text
    // converted and encoded again), a tenth of a pull page's cost when the answer goes out as it is.
    if (!res.body) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    const answer = (payload: Buffer) => {
      c.res = undefined as never; // else Hono copies the old answer's headers over the new one's
      c.res = new Response(payload, { status: res.status, headers });
    };
    if (body.length < COMPRESS.threshold) return answer(body);
    const packed =
      encoding === "br"
        ? await brotli(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: COMPRESS.brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : await gzipped(body, { level: COMPRESS.gzipLevel });
    headers.set("Content-Encoding", encoding);
    headers.set("Content-Length", String(packed.length));
    const etag = headers.get("ETag");
    if (etag && !etag.startsWith("W/")) headers.set("ETag", `W/${etag}`);
    answer(packed);
  };
}
