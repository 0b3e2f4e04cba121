import { z } from "zod";
import type { AppDeps } from "../http/app-env";
import type { Mail } from "../receipts/mail-transport";
import type { OutboxEntry, OutboxJob } from "./outbox.repository";

/** The outbox job kind that sends one email. */
export const MAIL_JOB = "mail";

const mailPayload = z.object({ to: z.string(), subject: z.string(), text: z.string() });

/**
 * The job that sends `mail`, written in the transaction of the change it tells about. `key` names
 * the message (`receipt:{sale}:{address}`, `order:{id}:{status}`): the same key is one email, so a
 * change pushed twice, or a job retried after a crash before it was marked done, does not mail twice
 * from the outbox's side (a transport that accepted the message and then lost the connection may
 * still deliver it twice — at-least-once is the most SMTP offers).
 */
export function mailJob(key: string, mail: Mail): OutboxEntry {
  return { kind: MAIL_JOB, key, payload: { to: mail.to, subject: mail.subject, text: mail.text } };
}

/** Carries out a mail job through the configured transport; a transport error is retried with backoff. */
export async function runMailJob(deps: Pick<AppDeps, "mail">, job: OutboxJob): Promise<void> {
  await deps.mail.send({ ...mailPayload.parse(job.payload), id: job.key });
}
