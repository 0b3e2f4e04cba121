import type { Order } from "@countertop/sync-protocol";
import { z } from "zod";
import { withTenant } from "../db/tenant-scope";
import { holdSeqCounter, writeDocumentSets } from "../documents/document.repository";
import type { AppDeps } from "../http/app-env";
import { failpoint } from "../http/failpoint";
import { PermanentJobError } from "../outbox/outbox-worker";
import type { OutboxEntry, OutboxJob } from "../outbox/outbox.repository";

/** The outbox job kind that gives an online order's money back. */
export const REFUND_JOB = "refund";

const refundPayload = z.object({ orderId: z.string() });

/**
 * The job that refunds an order's card payment, written in the push that refunded the order. One
 * per order (its key), and the key goes to the provider, so the money goes back once however often
 * the job runs.
 */
export function refundJob(order: Pick<Order, "id">): OutboxEntry {
  return { kind: REFUND_JOB, key: `refund:${order.id}`, payload: { orderId: order.id } };
}

/** Whether a change of an order asks for its money back: it became `refunded` with a captured payment. */
export function needsRefund(before: Order | undefined, after: Order): boolean {
  return after.status === "refunded" && before?.status !== "refunded" && after.payment.status === "captured" && !!after.payment.reference;
}

/**
 * Carries out a refund job: asks the order's provider to refund (with the job's key, so a retry
 * after a crash moves no money twice), then records `payment.status: "refunded"` on the order (a
 * server write that replicates to the shop and the shopper). A provider that answers "declined" will
 * not change its mind: the job is dead-lettered for the platform's health view. A network error is
 * thrown and retried.
 */
export async function runRefundJob(deps: Pick<AppDeps, "db" | "changes" | "payments">, job: OutboxJob): Promise<void> {
  const { orderId } = refundPayload.parse(job.payload);
  const order = await withTenant(deps.db, job.tenantId, async (trx) => {
    const row = await trx.selectFrom("orders").select("doc").where("id", "=", orderId).executeTakeFirst();
    return row?.doc;
  });
  if (!order || order.payment.status !== "captured" || !order.payment.reference) return;
  const provider = deps.payments.get(order.payment.provider);
  if (!provider) throw new PermanentJobError(`Order ${order.id} was paid with ${order.payment.provider}, which this server does not have.`);
  const result = await provider.refund(order.payment.reference, order.total, job.key);
  if (result.status !== "refunded")
    throw new PermanentJobError(`${provider.id} did not refund order ${order.id}: ${result.message ?? result.status}`);
  failpoint("refund:sent");
  await withTenant(deps.db, job.tenantId, async (trx) => {
    const storeCounter = await holdSeqCounter(trx, job.tenantId);
    const fresh = (await trx.selectFrom("orders").select("doc").where("id", "=", order.id).forUpdate().executeTakeFirstOrThrow()).doc;
    if (fresh.payment.status !== "captured") return;
    const doc: Order = { ...fresh, payment: { ...fresh.payment, status: "refunded" }, updatedAt: new Date().toISOString() };
    await writeDocumentSets(trx, job.tenantId, [{ table: "orders", docs: [doc] }]);
    await storeCounter();
    await deps.changes.announce(trx, job.tenantId, ["orders"]);
  });
  failpoint("refund:recorded");
}
