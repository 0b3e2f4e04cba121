import { REFUND_JOB, runRefundJob } from "../checkout/refunds";
import type { AppDeps } from "../http/app-env";
import { ORDER_MAIL_JOB, runOrderMailJob } from "../orders/order-mail-job";
import { MAIL_JOB, runMailJob } from "./mail-job";
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from "./outbox-worker";

/** The server's outbox worker with a handler for every kind of job the server writes. */
export function createAppOutbox(
  deps: Pick<AppDeps, "db" | "log" | "changes" | "payments" | "mail">,
  options?: OutboxWorkerOptions,
): OutboxWorker {
  return createOutboxWorker(
    deps,
    {
      [REFUND_JOB]: (job) => runRefundJob(deps, job),
      [MAIL_JOB]: (job) => runMailJob(deps, job),
      [ORDER_MAIL_JOB]: (job) => runOrderMailJob(deps, job),
    },
    options,
  );
}
