// History:
// -- Version 1: first contract. 12 collections, pull / push / stream, error codes.
// -- Version 2: every change additive, so servers accept version 1 and 2 alike.
//    Error codes include the domain's rule codes (a refused commerce rule answers 400 with its own
//    code), `not_built`, `payment_declined` (402) and `idempotency_key_reused` (422). Documents are checked whole, unknown fields included: no NUL or lone
//    surrogate, at most 12 levels deep and 512 KiB of JSON; money, quantities and `seq` are bounded;
//    a locale must be one `Intl` formats with; a push may not carry one id twice, nor two products
//    one variant id. Sales carry `approvedBy` / `approvals`; staff carry `userId`. Reconciliation
//    kinds `stale_catalog`, `refund_exceeds_sale`, `flagged_sale`. A push answers
//    `{ conflicts, refused }` to a client that sends `x-countertop-detail: 1`. A stock count carries
//    `countedQty` (the server computes its `delta` and `systemQty` as of `occurredAt`; a count may
//    confirm the level with delta 0); a transfer's halves share a `transferId`. A reconciliation
//    item's resolution has an `action`, a `reason` and `effects` (a recount, a merge, fixed prices),
//    applied once: the first resolution wins. A customer merged into another has `mergedInto`. A
//    sale carries the catalog it was priced with (`catalogSeq`, `promotionsSeq`): the server
//    re-prices it against that version. Error code `unavailable` (503): the database or the
//    payment provider is away for now; the same request again is safe.
//    Back office (all optional): a variant's `lowStockAt` per location; a category's `archived`; a
//    coupon's `usageLimit`; a stock movement's `supplier`, `reference`, `unitCost` (receipts),
//    `adjustReason`, `countId` and `seenQty` (counts), `transfer` {from, to, outcome} (transfers
//    travel through the location `transit:{transferId}`); error code `unsupported_media_type` (415); the shop's `timeZone`, `address`, `phone`,
//    `email` and `taxNumber`; a customer's `taxNumber`.
//    The multiplexed stream `GET /sync/v1/stream?collections=…` (events `{collection, documents,
//    checkpoint}` or "RESYNC"); tills report their status in headers (`x-countertop-last-sync`,
//    `-pending`, `-app-version`); a sale line may carry `unitCost`; settings may carry `timeZone`.
//    Error codes `plan_limit` (402) and `module_disabled` (403): a shop's plan refuses a new till,
//    product, person or location, or has the online shop or online orders switched off.
//    Settings: a location's optional `openingHours`, a shipping option's optional `instructions`,
//    the theme's optional `tagline` and `shortName` (what the shop's home page and manifest show).

/**
 * The version of the sync contract: the shape of every replicated document and wire message of
 * `/sync/v1`. Bump it for any change an older peer could misread, record why in the history above, and update
 * the hash in `protocol-version.test.ts`, which fails until both are done.
 *
 * Adding an optional field is still a bump (the schemas changed), but old peers keep working:
 * documents are loose objects, so unknown fields pass through. A field is deprecated, never
 * silently removed.
 */
export const PROTOCOL_VERSION = 2;

/** The versions a server of this contract serves: the current one and the one before it. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [PROTOCOL_VERSION - 1, PROTOCOL_VERSION];

/**
 * The request header in which clients send {@link PROTOCOL_VERSION} (as decimal digits) on every
 * `/sync` call. A server answers 426 `unsupported_protocol_version` to a version it does not support.
 * @example
 * fetch(url, { headers: { [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION) } });
 */
export const PROTOCOL_VERSION_HEADER = "x-countertop-protocol";

/**
 * Whether a server speaking {@link PROTOCOL_VERSION} can serve a request carrying this header
 * value: the current version or the previous one ({@link SUPPORTED_PROTOCOL_VERSIONS}), so a till
 * holding offline sales can sync them after a server upgrade. A missing header is accepted: the
 * `/sync/v1` path already names the contract, and third-party clients (plain RxDB, curl) may not
 * send it. Any other value, including `"1.0"`, is not.
 * @example
 * if (!isSupportedProtocolVersion(c.req.header(PROTOCOL_VERSION_HEADER))) answer 426;
 */
export function isSupportedProtocolVersion(header: string | null | undefined): boolean {
  if (header === undefined || header === null) return true;
  return SUPPORTED_PROTOCOL_VERSIONS.some((version) => header.trim() === String(version));
}
