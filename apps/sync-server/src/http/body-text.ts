import type { IncomingMessage } from "node:http";
import type { Context } from "hono";

/** The Node request under a request served by `@hono/node-server`; absent under `app.request` (tests). */
function incomingOf(c: Context): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  return incoming !== null && typeof incoming === "object" && "socket" in incoming ? (incoming as IncomingMessage) : undefined;
}

/**
 * A request body as text, refused with `tooLarge()` past `maxBytes` (by its Content-Length before a
 * byte is read, or as it arrives). Served by Node, it is read straight from the Node request:
 * `hono/body-limit` and `c.req.text()` first build a fetch `Request` and a web stream around it,
 * which cost a sync push more than its JSON parse (profiled under `bench:sync`). Elsewhere
 * (in-process `app.request`) through the `Request`, with the same limit.
 */
export async function bodyText(c: Context, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const declared = c.req.header("content-length");
  if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge();
  const incoming = incomingOf(c);
  if (!incoming) {
    const text = await c.req.text();
    if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
    return text;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}
