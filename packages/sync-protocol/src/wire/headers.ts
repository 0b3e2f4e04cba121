/* Request headers of the sync contract, free of zod so that any client can import them. */

/**
 * The request header with which a client asks for the detailed push answer
 * (`{ conflicts, refused }`, see `pushDetailResponseSchema`) instead of the bare array of conflicts.
 * @example
 * fetch(url, { method: "POST", headers: { [PUSH_DETAIL_HEADER]: "1" }, body });
 */
export const PUSH_DETAIL_HEADER = "x-countertop-detail";
