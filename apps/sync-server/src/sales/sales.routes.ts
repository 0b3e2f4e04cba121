import { addDays } from "@countertop/domain";
import { Hono } from "hono";
import { z } from "zod";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { lookUpSale, MAX_REPORT_DAYS, reportFacts } from "./sales-report.service";

const day = z.iso.date();
/** `GET /api/v1/reports/facts?from=…&to=…`: a range of the shop's days. */
export const reportRangeSchema = z.object({ from: day, to: day });

/**
 * What a till looks up beyond its sales window (DESIGN: 90 days): a sale by receipt number (a refund
 * of an old receipt), and the report facts of an older range. For the shop's tills and managers.
 */
export function salesRoutes(deps: AppDeps) {
  const auth = requireAuth(deps, ["device", "manager"]);
  return new Hono<AppEnv>()
    .get("/sales/by-number/:number", auth, async (c) => {
      const { tenantId } = callerAs(c, "device", "manager");
      const number = c.req.param("number").trim().toUpperCase();
      if (!/^[A-Z0-9-]{1,40}$/.test(number))
        throw new ApiError(ErrorCode.bad_request, "A receipt number is letters, digits and dashes, e.g. T1-000042.");
      const found = await lookUpSale(deps, tenantId, number);
      if (!found) throw new ApiError(ErrorCode.not_found, `No sale ${number} in this shop.`);
      return c.json(found);
    })
    .get("/reports/facts", auth, async (c) => {
      const { tenantId } = callerAs(c, "device", "manager");
      const query = reportRangeSchema.safeParse(c.req.query());
      if (!query.success) {
        const issue = query.error.issues[0];
        throw new ApiError(
          ErrorCode.bad_request,
          `${issue?.path.join(".") || "range"}: ${issue?.message ?? "invalid"}. Use ?from=YYYY-MM-DD&to=YYYY-MM-DD.`,
        );
      }
      const { from, to } = query.data;
      if (from > to) throw new ApiError(ErrorCode.bad_request, "from must not be after to.");
      if (addDays(from, MAX_REPORT_DAYS - 1) < to)
        throw new ApiError(ErrorCode.bad_request, `A report covers at most ${MAX_REPORT_DAYS} days.`);
      return c.json(await reportFacts(deps, tenantId, from, to));
    });
}
