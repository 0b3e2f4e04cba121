/* Request headers of the sync contract, free of zod so that any client can import them. */

/**
 * The request header with which a client asks for the detailed push answer
 * (`{ conflicts, refused }`, see `pushDetailResponseSchema`) instead of the bare array of conflicts.
 * @example
 * fetch(url, { method: "POST", headers: { [PUSH_DETAIL_HEADER]: "1" }, body });
 */
export const PUSH_DETAIL_HEADER = "x-countertop-detail";

/**
 * The request header in which a till reports, on its sync calls, how many local documents wait to
 * be pushed (decimal digits). The server keeps the last value per till for the platform's sync
 * backlog; it is never replicated, so reporting it wakes no other till.
 * @example
 * fetch(url, { headers: { [PENDING_HEADER]: String(await sync.countPending()) } });
 */
export const PENDING_HEADER = "x-countertop-pending";

/**
 * The request header in which a client names its app and version (`pos/0.1.0`), kept per till so
 * the platform owner sees which tills run an old app.
 */
export const APP_VERSION_HEADER = "x-countertop-app";
