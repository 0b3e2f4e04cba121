import type { Order } from "@countertop/sync-protocol";
import { withTenant } from "../db/tenant-scope";
import { holdSeqCounter, writeDocumentSets } from "../documents/document.repository";
import type { AppDeps } from "../http/app-env";

/**
 * Gives the money back for orders the shop has marked `refunded` while their online payment is
 * still `captured`: asks the order's payment provider, then records `payment.status: "refunded"` on
 * the order (a server write, so it replicates to the shop and the shopper). Runs after the push that
 * refunded them has committed; a failed refund leaves the payment `captured` for the next try.
 */
export async function refundOrders(
  deps: Pick<AppDeps, "db" | "changes" | "log" | "payments">,
  tenantId: string,
  orderIds: readonly string[],
): Promise<number> {
  if (orderIds.length === 0) return 0;
  const due = (
    await withTenant(deps.db, tenantId, (trx) =>
      trx
        .selectFrom("orders")
        .select("doc")
        .where("id", "in", orderIds)
        .where("status", "=", "refunded")
        .where("deleted", "=", false)
        .execute(),
    )
  )
    .map((r) => r.doc)
    .filter((o) => o.payment.status === "captured");
  let refunded = 0;
  for (const order of due) {
    const payment = order.payment;
    const provider = deps.payments.get(payment.provider);
    if (!provider || !payment.reference) continue;
    const result = await provider.refund(payment.reference, order.total);
    if (result.status !== "refunded") {
      deps.log.error(`refund of order ${order.id} at ${provider.id} was not made: ${result.message ?? result.status}`);
      continue;
    }
    await withTenant(deps.db, tenantId, async (trx) => {
      const storeCounter = await holdSeqCounter(trx, tenantId);
      const fresh = (await trx.selectFrom("orders").select("doc").where("id", "=", order.id).executeTakeFirstOrThrow()).doc;
      if (fresh.payment.status !== "captured") return;
      const doc: Order = {
        ...fresh,
        payment: { ...fresh.payment, status: "refunded" },
        updatedAt: new Date().toISOString(),
      };
      await writeDocumentSets(trx, tenantId, [{ table: "orders", docs: [doc] }]);
      await storeCounter();
      await deps.changes.announce(trx, tenantId, ["orders"]);
      refunded += 1;
    });
  }
  return refunded;
}
