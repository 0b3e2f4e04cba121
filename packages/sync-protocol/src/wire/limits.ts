/** Largest request body the sync server reads, in bytes (4 MiB); larger bodies get 413 `payload_too_large`. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Most rows one push may carry; RxDB's default push batch is far below it. */
export const MAX_PUSH_ROWS = 500;

/** Most documents one pull returns, and the largest `limit` a client may ask for. */
export const MAX_PULL_LIMIT = 1000;

/** The pull `limit` when the client gives none. */
export const DEFAULT_PULL_LIMIT = 100;

/** The server sends an SSE comment this often so that proxies keep an idle stream open. */
export const STREAM_HEARTBEAT_MS = 15_000;
