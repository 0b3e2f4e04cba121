import { Hono } from "hono";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import type { AppDeps, AppEnv } from "../http/app-env";
import { jsonBody } from "../http/json-body";
import { assertModule } from "../plans/plan-limits";
import { emailReceiptSchema } from "./receipt.schema";
import { emailReceipt } from "./receipt-email.service";

/**
 * `POST /api/v1/receipts/email` `{ saleId, to }`: emails a receipt the till already pushed. The
 * till queues the request while offline and retries; one sale and address is sent at most once.
 * 202 `{ status: "sent" | "queued" }`; 404 while the server doesn't have the sale yet; 403
 * `module_disabled` when the shop's plan has emailed receipts switched off.
 */
export function receiptRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().use(requireAuth(deps, ["device", "manager"])).post("/email", async (c) => {
    const { tenantId } = callerAs(c, "device", "manager");
    const { saleId, to } = await jsonBody(c, emailReceiptSchema);
    await assertModule(deps, tenantId, "emailed_receipts");
    return c.json(await emailReceipt(deps, tenantId, saleId, to.toLowerCase()), 202);
  });
}
