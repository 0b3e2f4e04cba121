import {
  addBucketFact,
  addDays,
  addProductFact,
  factsOf,
  orderReportDocument,
  saleReportDocument,
  startOfLocalDay,
  type BucketFact,
  type ProductFact,
  type ReportDocument,
} from "@countertop/domain";
import { withTenant } from "../db/tenant-scope";
import { readSettings } from "../documents/settings.repository";
import type { AppDeps } from "../http/app-env";
import { findSaleByNumber, ordersBetween, salesBetween } from "./sale.repository";

/** The longest range one report covers. */
export const MAX_REPORT_DAYS = 366;

const PAGE = 2_000;

/** A range's report facts as the till keeps them, computed on the server from every sale it holds. */
export interface ReportFacts {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string | null;
  readonly buckets: BucketFact[];
  readonly products: ProductFact[];
}

/**
 * The report facts of the shop's days `from` to `to` (both included, in its time zone): the same
 * `BucketFact`s and `ProductFact`s a till builds from its replica, so the till sums them with the
 * same code. For ranges older than a till's sales window, which only the server still holds.
 */
export async function reportFacts(deps: Pick<AppDeps, "db">, tenantId: string, from: string, to: string): Promise<ReportFacts> {
  return withTenant(deps.db, tenantId, async (trx) => {
    const timeZone = (await readSettings(trx)).timeZone;
    const range = { from: startOfLocalDay(from, timeZone), to: startOfLocalDay(addDays(to, 1), timeZone) };
    const buckets = new Map<string, BucketFact>();
    const products = new Map<string, ProductFact>();
    const add = (doc: ReportDocument) => {
      const facts = factsOf(doc, timeZone);
      buckets.set(facts.bucket.id, addBucketFact(buckets.get(facts.bucket.id), facts.bucket));
      for (const p of facts.products) products.set(p.id, addProductFact(products.get(p.id), p));
    };
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await salesBetween(trx, tenantId, range, after, PAGE);
      for (const row of page) add(saleReportDocument(row.doc));
      const last = page.at(-1);
      if (!last || page.length < PAGE) break;
      after = { createdAt: last.created_at, id: last.id };
    }
    for (const row of await ordersBetween(trx, tenantId, range)) {
      const doc = orderReportDocument(row.doc);
      if (doc) add(doc);
    }
    return { from, to, timeZone: timeZone ?? null, buckets: [...buckets.values()], products: [...products.values()] };
  });
}

/** A sale by its receipt number with its refunds, for a refund of a receipt the till no longer holds. */
export function lookUpSale(deps: Pick<AppDeps, "db">, tenantId: string, number: string) {
  return withTenant(deps.db, tenantId, (trx) => findSaleByNumber(trx, tenantId, number));
}
