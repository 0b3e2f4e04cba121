import type { TenantTx } from "../db/tenant-scope";

/**
 * The email job for a sale and recipient, created if new and locked for the rest of the
 * transaction, so two requests for the same receipt send it once.
 */
export async function lockReceiptEmail(trx: TenantTx, tenantId: string, job: { id: string; saleId: string; recipient: string }) {
  await trx
    .insertInto("receipt_emails")
    .values({ tenant_id: tenantId, id: job.id, sale_id: job.saleId, recipient: job.recipient })
    .onConflict((oc) => oc.columns(["tenant_id", "sale_id", "recipient"]).doNothing())
    .execute();
  return trx
    .selectFrom("receipt_emails")
    .select(["id", "status"])
    .where("tenant_id", "=", tenantId)
    .where("sale_id", "=", job.saleId)
    .where("recipient", "=", job.recipient)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Records one attempt to send a receipt email: sent, or the error it failed with. */
export async function recordReceiptEmailAttempt(
  trx: TenantTx,
  tenantId: string,
  id: string,
  outcome: { sentAt: Date } | { error: string },
) {
  await trx
    .updateTable("receipt_emails")
    .set({
      ...("sentAt" in outcome ? { status: "sent" as const, sent_at: outcome.sentAt } : { last_error: outcome.error.slice(0, 500) }),
      attempts: (eb) => eb("attempts", "+", 1),
    })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}
