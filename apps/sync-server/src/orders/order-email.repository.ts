import type { Order } from "@countertop/sync-protocol";
import type { TenantTx } from "../db/tenant-scope";

/** Queues the email about `order` reaching its current status, once per order and status. */
export async function queueOrderEmail(trx: TenantTx, tenantId: string, order: Order, link?: string): Promise<void> {
  await trx
    .insertInto("order_emails")
    .values({ tenant_id: tenantId, order_id: order.id, status: order.status, recipient: order.email, link: link ?? null })
    .onConflict((oc) => oc.columns(["tenant_id", "order_id", "status"]).doNothing())
    .execute();
}

/** An order email waiting to go, with its order and the order's link (kept from checkout). */
export interface DueOrderEmail {
  readonly orderId: string;
  readonly status: string;
  readonly recipient: string;
  readonly link: string | null;
  readonly order: Order;
}

/** Up to `limit` unsent order emails of the tenant, locked (others skip them) until the transaction ends. */
export async function lockDueOrderEmails(trx: TenantTx, tenantId: string, limit: number): Promise<DueOrderEmail[]> {
  const rows = await trx
    .selectFrom("order_emails as e")
    .innerJoin("orders as o", (j) => j.onRef("o.tenant_id", "=", "e.tenant_id").onRef("o.id", "=", "e.order_id"))
    .select([
      "e.order_id",
      "e.status",
      "e.recipient",
      "o.doc",
      (eb) =>
        eb
          .selectFrom("order_emails as first")
          .select("first.link")
          .whereRef("first.tenant_id", "=", "e.tenant_id")
          .whereRef("first.order_id", "=", "e.order_id")
          .where("first.link", "is not", null)
          .limit(1)
          .as("link"),
    ])
    .where("e.tenant_id", "=", tenantId)
    .where("e.sent_at", "is", null)
    .where("e.attempts", "<", 5)
    .orderBy("e.created_at")
    .limit(limit)
    .forUpdate("e")
    .skipLocked()
    .execute();
  return rows.map((r) => ({ orderId: r.order_id, status: r.status, recipient: r.recipient, link: r.link, order: r.doc }));
}

/** Records one attempt to send an order email: sent, or the error it failed with. */
export async function recordOrderEmailAttempt(
  trx: TenantTx,
  tenantId: string,
  key: { orderId: string; status: string },
  outcome: { sentAt: Date } | { error: string },
): Promise<void> {
  await trx
    .updateTable("order_emails")
    .set({
      ...("sentAt" in outcome ? { sent_at: outcome.sentAt } : { last_error: outcome.error.slice(0, 500) }),
      attempts: (eb) => eb("attempts", "+", 1),
    })
    .where("tenant_id", "=", tenantId)
    .where("order_id", "=", key.orderId)
    .where("status", "=", key.status)
    .execute();
}
