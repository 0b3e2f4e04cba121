import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { failpoint } from "../http/failpoint";
import type { Logger } from "../http/logger";
import { claimByKey, claimDue, completeJob, failJob, jobStatus, type OutboxJob } from "./outbox.repository";

/** A failure that retrying cannot mend (a card the provider will not refund): the job is dead-lettered at once. */
export class PermanentJobError extends Error {}

/** Carries out one job; throws to have it retried (or a {@link PermanentJobError} to dead-letter it). */
export type JobHandler = (job: OutboxJob) => Promise<void>;

/** The worker that drains the outbox. */
export interface OutboxWorker {
  /** Starts polling. */
  start(): void;
  /** Looks for due jobs now (after a commit that wrote some), instead of at the next poll. */
  kick(): void;
  /**
   * Carries out the shop's job with this key now if it is due, and answers its state after: `done`,
   * `pending` (failed, to be retried; or leased by another worker), `dead`.
   */
  runNow(tenantId: string, key: string): Promise<"pending" | "done" | "dead" | undefined>;
  /** Runs until nothing is due; returns how many jobs it carried out or failed. For tests and shutdown. */
  drain(): Promise<number>;
  /** Stops polling and waits for the job in hand. */
  stop(): Promise<void>;
}

export interface OutboxWorkerOptions {
  /** How often to look for due jobs; default 2 s. */
  readonly pollMs?: number;
  /** How long a claimed job is this worker's before another may take it; default 60 s. */
  readonly leaseMs?: number;
  /** Attempts before a job is dead-lettered; default 10 (about 17 minutes of backoff). */
  readonly maxAttempts?: number;
  /** Jitter in [0, 1) for the backoff; tests pass a constant. */
  readonly random?: () => number;
}

/** Exponential backoff with full jitter: about 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(300_000, 1_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Drains the outbox: claims due jobs (leased, so a crash only delays them), hands each to the
 * handler of its kind, and records the outcome — done, retried with backoff, or dead-lettered after
 * `maxAttempts`. Handlers must be idempotent by the job's key: a job is carried out at least once,
 * and the key lets the far side (a payment provider) make it exactly once.
 */
export function createOutboxWorker(
  deps: { readonly db: Kysely<Database>; readonly log: Logger },
  handlers: Readonly<Record<string, JobHandler>>,
  options: OutboxWorkerOptions = {},
): OutboxWorker {
  const { pollMs = 2_000, leaseMs = 60_000, maxAttempts = 10, random = Math.random } = options;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> = Promise.resolve(0);
  let again = false;
  let stopped = false;

  const runOne = async (job: OutboxJob): Promise<void> => {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new PermanentJobError(`No handler for ${job.kind} jobs.`);
      await handler(job);
      failpoint("outbox:handled");
      await completeJob(deps.db, job);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const dead = error instanceof PermanentJobError || job.attempts >= maxAttempts;
      deps.log.error(`outbox: ${job.kind} ${job.key} failed (attempt ${job.attempts}${dead ? ", dead-lettered" : ""}): ${message}`);
      await failJob(deps.db, job, message, dead ? undefined : new Date(Date.now() + backoffMs(job.attempts, random)));
    }
  };
  const pass = async (): Promise<number> => {
    let done = 0;
    for (;;) {
      again = false;
      const jobs = await claimDue(deps.db, 20, leaseMs);
      for (const job of jobs) await runOne(job);
      done += jobs.length;
      if (jobs.length === 0 && !again) return done;
    }
  };
  const schedule = (): Promise<number> => {
    running = running.then(pass, pass).catch((error: unknown) => {
      deps.log.error(`outbox: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    });
    return running;
  };
  return {
    start() {
      stopped = false;
      timer ??= setInterval(() => void schedule(), pollMs);
      void schedule();
    },
    kick() {
      if (stopped) return;
      again = true;
      void schedule();
    },
    async runNow(tenantId, key) {
      const job = stopped ? undefined : await claimByKey(deps.db, tenantId, key, leaseMs);
      if (job) await runOne(job);
      return jobStatus(deps.db, tenantId, key);
    },
    drain: () => schedule(),
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
