import { withTenant } from "../db/tenant-scope";
import { findDocument } from "../documents/document-lookup";
import type { AppDeps } from "../http/app-env";
import { lockDueOrderEmails, recordOrderEmailAttempt } from "./order-email.repository";
import { orderMailText } from "./order-mail-text";

/**
 * Sends the shop's queued order emails (the confirmation, status changes) through the mail
 * transport. Runs after the transaction that queued them has committed; an email that fails stays
 * queued for the next run (up to 5 tries). Answers how many went out.
 */
export async function deliverOrderEmails(deps: Pick<AppDeps, "db" | "mail" | "log">, tenantId: string): Promise<number> {
  return withTenant(deps.db, tenantId, async (trx) => {
    const due = await lockDueOrderEmails(trx, tenantId, 50);
    if (due.length === 0) return 0;
    const settings = await findDocument(trx, tenantId, "settings", "shop");
    let sent = 0;
    for (const email of due) {
      const mail = orderMailText(email.order, email.status, settings, email.link ?? undefined);
      try {
        await deps.mail.send({ to: email.recipient, ...mail });
        await recordOrderEmailAttempt(trx, tenantId, email, { sentAt: new Date() });
        sent += 1;
      } catch (error) {
        deps.log.error("order email failed", error);
        await recordOrderEmailAttempt(trx, tenantId, email, { error: String(error) });
      }
    }
    return sent;
  });
}

/** {@link deliverOrderEmails} that never throws: for after a checkout or a push, where the order is already safe. */
export async function deliverOrderEmailsQuietly(deps: Pick<AppDeps, "db" | "mail" | "log">, tenantId: string): Promise<void> {
  await deliverOrderEmails(deps, tenantId).catch((error: unknown) => deps.log.error("order emails could not be sent", error));
}
