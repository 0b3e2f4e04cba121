/**
 * What a person at the till is told when a write to its IndexedDB failed (a sale, a refund, a
 * shift, a manager's change): that it was not saved, what they had entered is kept, and what to do
 * next. The commonest cause on a tablet kept for days offline is a full disk, which IndexedDB
 * reports as a `QuotaExceededError` somewhere inside the error its callers see: Dexie keeps the
 * browser's error as `inner` (a bulk write's in `failures`), RxDB wraps a storage's in
 * `parameters`, others chain it as `cause`.
 */

/** Where the errors this code meets keep the errors they wrap. */
interface Wrapping {
  readonly inner?: unknown;
  readonly cause?: unknown;
  readonly failures?: unknown;
  readonly parameters?: { readonly error?: unknown; readonly errors?: unknown };
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The errors wrapped in `error` (itself first), breadth-first, a few levels deep. */
function chain(error: unknown): unknown[] {
  const seen: unknown[] = [];
  let level = [error];
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const e of level) {
      if (typeof e !== "object" || e === null || seen.includes(e)) continue;
      seen.push(e);
      const { inner, cause, failures, parameters } = e as Wrapping;
      next.push(inner, cause, parameters?.error, ...list(failures), ...list(parameters?.errors));
    }
    level = next;
  }
  return seen;
}

/** Whether the write failed because the device's storage for the till is full. */
export function isStorageFull(error: unknown): boolean {
  return chain(error).some((e) => {
    const { name, message } = e as { name?: unknown; message?: unknown };
    return name === "QuotaExceededError" || (typeof message === "string" && /quota/i.test(message));
  });
}

/** What could not be saved, in words: `failed` ("This sale was not saved"), then what is kept or not done (`kept`). */
export interface NotSaved {
  readonly failed: string;
  readonly kept?: string | undefined;
}

/** What to do about a full tablet, wherever the till says it is full. */
export const FREE_SPACE = "Free space on the tablet (delete photos, videos or apps it doesn't need)";

/** The person's message for a write that could not be saved (`what`), from the write's error: why, what is kept, what to do. */
export function notSavedMessage(what: NotSaved, error: unknown): string {
  const kept = what.kept ? ` ${what.kept}` : "";
  if (isStorageFull(error)) return `${what.failed}: the tablet's storage is full.${kept} ${FREE_SPACE}, then try again.`;
  const first = chain(error)[0];
  const detail = first instanceof Error ? first.message : String(error);
  return `${what.failed} on this till.${kept} Try again; if it fails again, call a manager (${detail.slice(0, 160)}).`;
}

/**
 * A write that failed, for the screen that made it: logged (for whoever opens DevTools) and answered
 * as {@link notSavedMessage} words it.
 */
export function notSaved(what: NotSaved, error: unknown): string {
  console.error(what.failed, error);
  return notSavedMessage(what, error);
}

/** A sale that could not be saved: no receipt, and what the payment panel keeps. */
export const SALE_NOT_SAVED: NotSaved = {
  failed: "This sale was not saved",
  kept: "No receipt was made. The cart and any card payment taken are kept.",
};

/** A refund that could not be saved: no receipt, so no money goes out. */
export const REFUND_NOT_SAVED: NotSaved = {
  failed: "This refund was not saved",
  kept: "No receipt was made. The lines chosen are kept; pay nothing out until it is saved.",
};
