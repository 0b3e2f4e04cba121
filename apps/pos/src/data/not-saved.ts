/**
 * What a cashier is told when a sale or a refund could not be written to the till's IndexedDB: no
 * receipt was made, what they had entered is kept, and what to do next. The commonest cause on a
 * tablet kept for days offline is a full disk, which IndexedDB reports as a `QuotaExceededError`
 * somewhere inside the error its callers see: Dexie keeps the browser's error as `inner` (a bulk
 * write's in `failures`), RxDB wraps a storage's in `parameters`, others chain it as `cause`.
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

/** The cashier's message for a `what` ("sale" or "refund") that could not be saved, from the write's error. */
export function notSavedMessage(what: "sale" | "refund", error: unknown): string {
  const kept = what === "sale" ? "The cart and any card payment taken are kept." : "The lines chosen are kept; pay nothing out until it is saved.";
  if (isStorageFull(error))
    return `This ${what} was not saved: the tablet's storage is full. No receipt was made. ${kept} Free space on the tablet (delete photos, videos or apps it doesn't need), then try again.`;
  const first = chain(error)[0];
  const detail = first instanceof Error ? first.message : String(error);
  return `This ${what} was not saved on the till, so no receipt was made. ${kept} Try again; if it fails again, call a manager (${detail.slice(0, 160)}).`;
}
