/* Headers of the sync contract, free of zod so that any client can import them. */
import { isSeq } from "./seq.ts";

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

/**
 * The response headers of a pull page that tell, before its body is read, where the next pages
 * begin: the page's checkpoint `seq` (as in its body), how many documents it holds, and, when this
 * page and the one after it are both full, where that one ends. A client reading page after page
 * (a first sync) asks for the next two as soon as they arrive, while it reads this one. A page from
 * the start (asked for without a `seq`) also says how many documents the whole pull brings, this
 * page's and every one after it, as counted when it was read: a first sync's progress. Optional for
 * clients: the body says the same, but for the following page's end and the count.
 * @example
 * const next = readPullPageHeaders((name) => response.headers.get(name)); // { checkpoint: { seq: "42" }, documents: 1000, following: { seq: "1042" }, total: 54321 }
 */
export const PULL_PAGE_HEADERS = {
  seq: "x-countertop-seq",
  documents: "x-countertop-documents",
  followingSeq: "x-countertop-following-seq",
  total: "x-countertop-total",
} as const;

/** What {@link PULL_PAGE_HEADERS} say of a page, read by {@link readPullPageHeaders}. */
export interface PullPageHeaders {
  readonly checkpoint: { readonly seq: string };
  readonly documents: number;
  /** Where the page after this one ends; left out when the server did not say (that page may not be full). */
  readonly following?: { readonly seq: string };
  /** How many documents the pull brings from this page on; only on a page from the start, when the server counted them. */
  readonly total?: number;
}

/** A count as the pull page headers carry it: at most 9 digits. */
const COUNT = /^\d{1,9}$/;

/**
 * Reads {@link PULL_PAGE_HEADERS}; `undefined` when the `seq` or the count is missing (an older
 * server) or not of its shape (a `seq` as a checkpoint holds it, a count of at most 9 digits). A
 * following `seq` that is not one a checkpoint holds is left out, and so is a total that is not a count.
 */
export function readPullPageHeaders(header: (name: string) => string | null | undefined): PullPageHeaders | undefined {
  const seq = header(PULL_PAGE_HEADERS.seq);
  const documents = header(PULL_PAGE_HEADERS.documents);
  if (!seq || !documents || !isSeq(seq) || !COUNT.test(documents)) return undefined;
  const following = header(PULL_PAGE_HEADERS.followingSeq);
  const total = header(PULL_PAGE_HEADERS.total);
  return {
    checkpoint: { seq },
    documents: Number(documents),
    ...(following && isSeq(following) ? { following: { seq: following } } : {}),
    ...(total && COUNT.test(total) ? { total: Number(total) } : {}),
  };
}
