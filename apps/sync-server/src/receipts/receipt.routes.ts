import { Hono } from "hono";
import { uuidv7 } from "uuidv7";
import { z } from "zod";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ApiErrorCode } from "../http/errors";
import { jsonBody } from "../http/json-body";
import { receiptText } from "./receipt-text";

const emailRequest = z.strictObject({
  saleId: z.string().min(1).max(200),
  to: z.email().max(254),
});

/**
 * `POST /api/v1/receipts/email` `{ saleId, to }`: emails a receipt the till already pushed. The
 * till queues the request while offline and retries; one sale and address is sent at most once.
 * 202 `{ status: "sent" | "queued" }`; 404 while the server doesn't have the sale yet.
 */
export function receiptRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().use(requireAuth(deps, ["device", "manager"])).post("/email", async (c) => {
    const principal = callerAs(c, "device", "manager");
    const { saleId, to } = await jsonBody(c, emailRequest);
    const recipient = to.toLowerCase();
    const job = await withTenant(deps.db, principal.tenantId, async (trx) => {
      const sale = await trx
        .selectFrom("sales")
        .select("doc")
        .where("tenant_id", "=", principal.tenantId)
        .where("id", "=", saleId)
        .executeTakeFirst();
      if (!sale)
        throw new ApiError(404, ApiErrorCode.NotFound, "The server doesn't have that sale yet; the till will try again after it syncs.");
      await trx
        .insertInto("receipt_emails")
        .values({ tenant_id: principal.tenantId, id: uuidv7(), sale_id: saleId, recipient })
        .onConflict((oc) => oc.columns(["tenant_id", "sale_id", "recipient"]).doNothing())
        .execute();
      const row = await trx
        .selectFrom("receipt_emails")
        .select(["id", "status"])
        .where("tenant_id", "=", principal.tenantId)
        .where("sale_id", "=", saleId)
        .where("recipient", "=", recipient)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (row.status === "sent") return { id: row.id, status: "sent" as const };
      const settings = await trx.selectFrom("settings").select("doc").where("tenant_id", "=", principal.tenantId).executeTakeFirst();
      const mail = receiptText(sale.doc, settings?.doc);
      try {
        await deps.mail.send({ to: recipient, ...mail });
        await trx
          .updateTable("receipt_emails")
          .set({ status: "sent", sent_at: new Date(), attempts: (eb) => eb("attempts", "+", 1) })
          .where("tenant_id", "=", principal.tenantId)
          .where("id", "=", row.id)
          .execute();
        return { id: row.id, status: "sent" as const };
      } catch (error) {
        deps.log.error("receipt email failed", error);
        await trx
          .updateTable("receipt_emails")
          .set({ last_error: String(error).slice(0, 500), attempts: (eb) => eb("attempts", "+", 1) })
          .where("tenant_id", "=", principal.tenantId)
          .where("id", "=", row.id)
          .execute();
        return { id: row.id, status: "queued" as const };
      }
    });
    return c.json(job, 202);
  });
}
