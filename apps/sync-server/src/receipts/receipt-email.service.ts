import { withTenant } from "../db/tenant-scope";
import { findDocument } from "../documents/document-lookup";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { mailJob } from "../outbox/mail-job";
import { enqueueOne } from "../outbox/outbox.repository";
import { receiptText } from "./receipt-text";

/**
 * Emails the receipt of a sale the till already pushed, once per sale and address: the email is
 * written to the outbox (so it goes out even if this process dies now) and sent straight away:
 * `sent`, or `queued` when the mail provider failed (the outbox retries it; the till may ask again,
 * which sends nothing twice). 404 while the server does not have the sale yet.
 */
export async function emailReceipt(
  deps: Pick<AppDeps, "db" | "outbox">,
  tenantId: string,
  saleId: string,
  recipient: string,
): Promise<{ id: string; status: "sent" | "queued" }> {
  const key = `receipt:${saleId}:${recipient}`;
  const job = await withTenant(deps.db, tenantId, async (trx) => {
    const sale = await findDocument(trx, tenantId, "sales", saleId);
    if (!sale) throw new ApiError(ErrorCode.not_found, "The server doesn't have that sale yet; the till will try again after it syncs.");
    return enqueueOne(
      trx,
      tenantId,
      mailJob(key, { to: recipient, ...receiptText(sale, await findDocument(trx, tenantId, "settings", "shop")) }),
    );
  });
  const status = job.status === "pending" ? await deps.outbox?.runNow(tenantId, key) : job.status;
  return { id: job.id, status: status === "done" ? "sent" : "queued" };
}
