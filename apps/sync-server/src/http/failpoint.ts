/**
 * Named points where a test may have the process die — `COUNTERTOP_FAILPOINTS=checkout:reserved`
 * (a comma-separated list) makes the server SIGKILL itself the first time it reaches that point,
 * as a power cut or an OOM kill would, so the kill-point tests can show that every step of a
 * checkout and a refund recovers. Unset in production: a no-op.
 */
const armed = new Set(
  (process.env.COUNTERTOP_FAILPOINTS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

/** The steps a test may kill the server after. */
export type Failpoint =
  | "checkout:reserved"
  | "checkout:authorized"
  | "checkout:captured"
  | "checkout:confirmed"
  | "push:committed"
  | "refund:sent"
  | "refund:recorded"
  | "outbox:handled";

/** Dies here, at once and without cleaning up, if a test armed this point. */
export function failpoint(name: Failpoint): void {
  if (armed.has(name)) process.kill(process.pid, "SIGKILL");
}

/** The points where a test may hold a request up a while: `COUNTERTOP_PAUSES=push:applying:1500`. */
export type Pausepoint = "push:applying";

const pauses = new Map(
  (process.env.COUNTERTOP_PAUSES ?? "")
    .split(",")
    .map((s) => s.trim().split(":"))
    .filter((parts) => parts.length === 3 && Number(parts[2]) > 0)
    .map(([scope, step, ms]) => [`${scope}:${step}`, Number(ms)] as const),
);

/**
 * Waits here for the armed number of milliseconds, so a process test can catch a request in flight
 * (a push inside its transaction while the server is told to stop). Unset in production: resolves at once.
 */
export async function pausepoint(name: Pausepoint): Promise<void> {
  const ms = pauses.get(name);
  if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
}
