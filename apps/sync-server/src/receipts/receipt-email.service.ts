import { uuidv7 } from "uuidv7";
import { withTenant } from "../db/tenant-scope";
import { findDocument } from "../documents/document-lookup";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { lockReceiptEmail, recordReceiptEmailAttempt } from "./receipt-email.repository";
import { receiptText } from "./receipt-text";

/**
 * Emails the receipt of a sale the till already pushed, at most once per sale and address: `sent`,
 * or `queued` when the mail provider failed (the till asks again later). 404 while the server does
 * not have the sale yet.
 */
export async function emailReceipt(
  deps: Pick<AppDeps, "db" | "mail" | "log">,
  tenantId: string,
  saleId: string,
  recipient: string,
): Promise<{ id: string; status: "sent" | "queued" }> {
  return withTenant(deps.db, tenantId, async (trx) => {
    const sale = await findDocument(trx, tenantId, "sales", saleId);
    if (!sale) throw new ApiError(ErrorCode.not_found, "The server doesn't have that sale yet; the till will try again after it syncs.");
    const job = await lockReceiptEmail(trx, tenantId, { id: uuidv7(), saleId, recipient });
    if (job.status === "sent") return { id: job.id, status: "sent" };
    const mail = receiptText(sale, await findDocument(trx, tenantId, "settings", "shop"));
    try {
      await deps.mail.send({ to: recipient, ...mail });
      await recordReceiptEmailAttempt(trx, tenantId, job.id, { sentAt: new Date() });
      return { id: job.id, status: "sent" };
    } catch (error) {
      deps.log.error("receipt email failed", error);
      await recordReceiptEmailAttempt(trx, tenantId, job.id, { error: String(error) });
      return { id: job.id, status: "queued" };
    }
  });
}
