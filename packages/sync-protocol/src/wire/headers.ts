/* Request headers of the sync contract, free of zod so that any client can import them. */

/**
 * The request header with which a client asks for the detailed push answer
 * (`{ conflicts, refused }`, see `pushDetailResponseSchema`) instead of the bare array of conflicts.
 * @example
 * fetch(url, { method: "POST", headers: { [PUSH_DETAIL_HEADER]: "1" }, body });
 */
export const PUSH_DETAIL_HEADER = "x-countertop-detail";

/**
 * The request headers in which a till reports its status on every sync call (DESIGN: per-till
 * status is server-only and read over REST): when its last sync cycle finished, how many documents
 * of each collection it still holds unsent, and the version of its app. Reporting costs nothing
 * extra — no call of its own — and the server keeps the last report per till.
 */
export const TILL_STATUS_HEADERS = {
  /** ISO-8601 instant of the last sync that went through without an error. */
  lastSync: "x-countertop-last-sync",
  /** `sales=3,shifts=1`: documents waiting per collection; collections with none may be left out. */
  pending: "x-countertop-pending",
  /** The app's version, e.g. `0.1.0+a1b2c3d`. */
  appVersion: "x-countertop-app-version",
} as const;

/**
 * Writes the `x-countertop-pending` header value.
 * @example
 * formatPendingHeader({ sales: 3, shifts: 0 }) // "sales=3,shifts=0"
 */
export function formatPendingHeader(pending: Readonly<Record<string, number>>): string {
  return Object.entries(pending)
    .map(([collection, count]) => `${collection}=${count}`)
    .join(",");
}

/**
 * Reads the `x-countertop-pending` header value; `undefined` when it is not of that shape (a
 * collection name of lower-case letters and `_`, a count of at most 9 digits, at most 20 entries).
 * @example
 * parsePendingHeader("sales=3,shifts=0") // { sales: 3, shifts: 0 }
 */
export function parsePendingHeader(value: string): Record<string, number> | undefined {
  if (value.trim() === "") return {};
  const entries = value.split(",");
  if (entries.length > 20) return undefined;
  const out: Record<string, number> = {};
  for (const entry of entries) {
    const match = /^\s*([a-z_]{1,40})=(\d{1,9})\s*$/.exec(entry);
    if (!match) return undefined;
    out[match[1]!] = Number(match[2]);
  }
  return out;
}
