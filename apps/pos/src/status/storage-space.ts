/*
 * How much room the browser still gives the till, from `navigator.storage.estimate()`: its quota
 * for the till's origin less what the till uses. Chromium caps that quota by the disk's free space,
 * so it falls as the tablet fills up.
 */

/** Below this much left, the till warns: some 100 000 sales, or a busy day's photos and catalog changes. */
export const LOW_SPACE_BYTES = 200 * 1024 * 1024;

/** How often the till asks again. */
export const SPACE_CHECK_MS = 5 * 60_000;

/** Bytes left to the till, or `undefined` when the browser does not say. */
export function spaceLeft(estimate: StorageEstimate): number | undefined {
  if (estimate.quota === undefined || estimate.usage === undefined) return undefined;
  return Math.max(0, estimate.quota - estimate.usage);
}

/** Whether `left` bytes is little enough to warn about. */
export function isLowOnSpace(left: number): boolean {
  return left < LOW_SPACE_BYTES;
}

/** Whole megabytes (MiB), rounded down: "about 12 MB left" never promises more than there is. */
export function megabytes(bytes: number): number {
  return Math.floor(bytes / (1024 * 1024));
}
