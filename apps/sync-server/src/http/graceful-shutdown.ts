import type { Server } from "node:http";
import type { Logger } from "./logger";

/** What stops, in order, after the HTTP server has let its requests finish. */
export interface ShutdownSteps {
  /** Aborted first: live streams send their reconnect hint and end. */
  readonly closing: AbortController;
  /** Then, in order: background work (the outbox worker finishes the job in hand), the change feed, the database. */
  readonly after: readonly (() => Promise<void> | void)[];
}

/**
 * Stops a server process gently (SIGTERM from systemd, a container runtime, a rolling deploy): it
 * stops accepting connections, ends live streams with a reconnect hint, lets requests in flight — a
 * till's push inside its transaction — finish for up to `graceMs`, then closes whatever connection
 * is left and runs `steps.after`. Clients reconnect to the other processes behind the proxy.
 */
export async function shutDownGracefully(server: Server, steps: ShutdownSteps, graceMs: number, log: Logger): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  steps.closing.abort();
  // Keep-alive connections go as soon as their request is answered, not at their idle timeout.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const graceOver = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), graceMs)));
  const outcome = await Promise.race([closed.then(() => "drained" as const), graceOver]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (outcome === "timeout") {
    log.error(`shutdown: requests still open after ${graceMs} ms; closing their connections`);
    server.closeAllConnections();
  }
  for (const step of steps.after) await step();
}
