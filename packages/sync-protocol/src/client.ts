/**
 * What a browser client of the sync contract needs at run time, without the full zod: collection
 * names, protocol version, limits, `RESYNC` and the loose wire checks in `zod/mini`. Types come from
 * the main entry (`import type { … } from "@countertop/sync-protocol"`), which costs nothing at run time.
 */
export * from "./collection-names.ts";
export { PROTOCOL_VERSION, PROTOCOL_VERSION_HEADER, SUPPORTED_PROTOCOL_VERSIONS } from "./protocol-version.ts";
export { DEFAULT_PULL_LIMIT, MAX_BODY_BYTES, MAX_PULL_LIMIT, MAX_PUSH_ROWS, STREAM_HEARTBEAT_MS } from "./wire/limits.ts";
export { RESYNC } from "./wire/resync.ts";
// The shop page's snapshot: its type, and the catalog rules the served page and the storefront share.
export * from "./wire/shop-snapshot.ts";
export {
  clientPullResponseSchema,
  clientPushDetailResponseSchema,
  clientMultiStreamEventSchema,
  clientPushResponseSchema,
  clientStreamEventSchema,
} from "./wire/loose-mini.ts";
export * from "./wire/headers.ts";
