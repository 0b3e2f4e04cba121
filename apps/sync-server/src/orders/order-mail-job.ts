import { sql } from "kysely";
import { z } from "zod";
import { withTenant } from "../db/tenant-scope";
import { findDocument } from "../documents/document-lookup";
import type { AppDeps } from "../http/app-env";
import type { OutboxEntry, OutboxJob } from "../outbox/outbox.repository";
import { PermanentJobError } from "../outbox/outbox-worker";
import { orderMailText } from "./order-mail-text";

/** The outbox job kind that emails a shopper about their order: the confirmation, or a later status. */
export const ORDER_MAIL_JOB = "order-mail";

const payloadSchema = z.object({ orderId: z.string(), status: z.string(), link: z.string().optional() });

/**
 * The job that tells the shopper their order reached `status`, written in the transaction that made
 * the change: once per order and status however often the change is pushed, and only if it
 * committed. `link` (the guest's signed order page) is kept by the confirmation's job; later jobs
 * find it there.
 */
export function orderMailJob(orderId: string, status: string, link?: string | undefined): OutboxEntry {
  return { kind: ORDER_MAIL_JOB, key: `order-mail:${orderId}:${status}`, payload: { orderId, status, ...(link ? { link } : {}) } };
}

/**
 * Sends an order email, written from the order and the shop's settings as they are now (the
 * message's id is the job's key, so a retried send is recognisable as the same message).
 */
export async function runOrderMailJob(deps: Pick<AppDeps, "db" | "mail">, job: OutboxJob): Promise<void> {
  const { orderId, status, link } = payloadSchema.parse(job.payload);
  const found = await withTenant(deps.db, job.tenantId, async (trx) => {
    const order = await findDocument(trx, job.tenantId, "orders", orderId);
    const settings = await findDocument(trx, job.tenantId, "settings", "shop");
    const kept = link
      ? undefined
      : await trx
          .selectFrom("outbox")
          .select(sql<string>`payload->>'link'`.as("link"))
          .where("kind", "=", ORDER_MAIL_JOB)
          .where(sql<boolean>`payload->>'orderId' = ${orderId} and payload ? 'link'`)
          .executeTakeFirst();
    return { order, settings, link: link ?? kept?.link };
  });
  if (!found.order || found.order._deleted) throw new PermanentJobError(`order ${orderId} is gone`);
  const mail = orderMailText(found.order, status, found.settings, found.link);
  await deps.mail.send({ to: found.order.email, ...mail, id: job.key });
}
