/*
 * Per-person lock-outs after wrong PINs, kept in localStorage so that a reload doesn't reset them.
 * A PIN of 4–8 digits can't resist many guesses, so the delays grow: 30 s after 5 wrong PINs in a
 * row, 5 min after 10, 24 h after 15 (and after every wrong PIN past that). A right PIN resets the
 * count; a manager's password sign-in on the till clears every lock-out.
 */

const KEY = "countertop.pos.pin-lockouts";

/** Wrong PINs in a row, and until when the person is locked out (epoch ms; 0 = not). */
export interface Lockout {
  readonly failures: number;
  readonly lockedUntil: number;
}

/** After how many wrong PINs in a row a person is locked out, and for how long (ms). */
export const LOCKOUT_STEPS: readonly { readonly after: number; readonly ms: number }[] = [
  { after: 5, ms: 30_000 },
  { after: 10, ms: 5 * 60_000 },
  { after: 15, ms: 24 * 3_600_000 },
];

const NONE: Lockout = { failures: 0, lockedUntil: 0 };

function readAll(): Record<string, Lockout> {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? "{}") as unknown;
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, Lockout>) : {};
  } catch {
    return {};
  }
}

function writeAll(all: Record<string, Lockout>): void {
  localStorage.setItem(KEY, JSON.stringify(all));
}

/** The lock-out state of one person. */
export function readLockout(staffId: string): Lockout {
  return readAll()[staffId] ?? NONE;
}

/** How long a person is locked out after `failures` wrong PINs in a row (0 = not locked). */
export function lockoutMs(failures: number): number {
  const last = LOCKOUT_STEPS[LOCKOUT_STEPS.length - 1]!;
  if (failures >= last.after) return last.ms;
  return LOCKOUT_STEPS.find((step) => step.after === failures)?.ms ?? 0;
}

/** Counts one PIN try of a person: a right one resets, a wrong one may lock them out. */
export function recordPinTry(staffId: string, ok: boolean, now = Date.now()): Lockout {
  const all = readAll();
  const failures = ok ? 0 : (all[staffId]?.failures ?? 0) + 1;
  const ms = lockoutMs(failures);
  const next: Lockout = { failures, lockedUntil: ms > 0 ? now + ms : 0 };
  if (ok) delete all[staffId];
  else all[staffId] = next;
  writeAll(all);
  return next;
}

/** The people locked out right now (staff ids). */
export function lockedOut(now = Date.now()): string[] {
  return Object.entries(readAll())
    .filter(([, state]) => state.lockedUntil > now)
    .map(([id]) => id);
}

/** Clears every lock-out: a manager signed in on the till with their password. */
export function clearLockouts(): void {
  localStorage.removeItem(KEY);
}
