import { PROTOCOL_VERSION, PROTOCOL_VERSION_HEADER } from "@countertop/sync-protocol/client";
import type { CollectionName } from "@countertop/sync-protocol";
import { SyncHttpError } from "./sync-http-error.ts";

/** The `fetch` the replication uses; pass one to add logging or to use another transport. */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The endpoints of one collection under `/sync/v1`. */
export type SyncAction = "pull" | "push" | "stream";

/**
 * The URL of a `/sync/v1` endpoint. `baseUrl` is the server's origin, optionally with a path
 * prefix; `""` means the page's own origin (browsers only).
 * @example
 * syncUrl("http://127.0.0.1:8787", "sales", "pull", { seq: "42", limit: "100" });
 * // "http://127.0.0.1:8787/sync/v1/sales/pull?seq=42&limit=100"
 */
export function syncUrl(
  baseUrl: string,
  collection: CollectionName,
  action: SyncAction,
  query: Readonly<Record<string, string | undefined>> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
  const search = params.size > 0 ? `?${params.toString()}` : "";
  return `${baseUrl.replace(/\/+$/, "")}/sync/v1/${encodeURIComponent(collection)}/${action}${search}`;
}

/** The headers every `/sync` call carries: the bearer token and the protocol version. */
export function syncHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION) };
}

/** What a request needs besides its URL. */
export interface SyncRequest {
  readonly fetch: Fetch;
  /** The current token; `undefined` (signed out) fails the call as a 401 without sending it. */
  readonly token: () => string | undefined;
  readonly signal?: AbortSignal | undefined;
  /** More headers for every call, read before each one (a till's reported sync status). */
  readonly headers?: (() => Readonly<Record<string, string>>) | undefined;
}

/**
 * Sends a `/sync` request and answers the response when it is 2xx; throws a
 * {@link SyncHttpError} otherwise, with the server's `{ error: { code, message } }` when it sent one.
 */
export async function sendSyncRequest(
  request: SyncRequest,
  url: string,
  init: {
    readonly method: "GET" | "POST";
    readonly accept: string;
    readonly body?: unknown;
    readonly headers?: Readonly<Record<string, string>> | undefined;
  },
): Promise<Response> {
  const token = request.token();
  if (token === undefined) {
    throw new SyncHttpError({ method: init.method, url, status: 401, code: "unauthorized", serverMessage: "no token: sign in first" });
  }
  const headers: Record<string, string> = { ...request.headers?.(), ...init.headers, ...syncHeaders(token), accept: init.accept };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await request.fetch(url, {
    method: init.method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: request.signal,
  });
  if (!response.ok) throw await toSyncHttpError(init.method, url, response);
  return response;
}

/** {@link sendSyncRequest} for the JSON endpoints (pull, push): the parsed body. */
export async function requestJson(
  request: SyncRequest,
  url: string,
  init: { readonly method: "GET" | "POST"; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> },
): Promise<unknown> {
  const response = await sendSyncRequest(request, url, { ...init, accept: "application/json" });
  return (await response.json()) as unknown;
}

/** Reads the error body of a non-2xx answer; tolerates bodies that aren't the JSON error shape (proxies). */
export async function toSyncHttpError(method: string, url: string, response: Response): Promise<SyncHttpError> {
  const text = await response.text().catch(() => "");
  const error = parseErrorBody(text);
  return new SyncHttpError({
    method,
    url,
    status: response.status,
    code: error?.code,
    serverMessage: error?.message ?? (text.slice(0, 200) || response.statusText || undefined),
    details: error?.details,
  });
}

/**
 * The `error` of a `{ error: { code, message } }` body. Checked by hand rather than with
 * `errorResponseSchema`, whose closed list of codes would drop a code a newer server added.
 */
function parseErrorBody(text: string): { code: string; message: string | undefined; details: unknown } | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== "object" || body === null || !("error" in body)) return undefined;
  const error: unknown = body.error;
  if (typeof error !== "object" || error === null || !("code" in error) || typeof error.code !== "string") return undefined;
  const message = "message" in error && typeof error.message === "string" ? error.message : undefined;
  return { code: error.code, message, details: "details" in error ? error.details : undefined };
}
