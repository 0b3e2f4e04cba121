import type { Reconciliation, Settings } from "@countertop/sync-protocol";
import { moneyFormatter } from "@countertop/ui";
import type { Names } from "../names";
import { facetsOf } from "./queue";

const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** One line that says what an item is about, for the queue. */
export function summaryOf(item: Reconciliation, settings: Settings, names: Names): string {
  const d = item.details ?? {};
  const money = moneyFormatter(settings.currency, settings.locale);
  const facets = facetsOf(item);
  switch (item.kind) {
    case "oversell":
      return `${str(d.sku) ?? "A product"}: ${num(d.onHand) ?? "below 0"} on hand at ${names.location(facets.locationId)}`;
    case "price_mismatch": {
      const count = Array.isArray(d.mismatches) ? d.mismatches.length : 0;
      return `A sale at ${names.register(facets.registerId)} priced differently from the catalog (${count} figure${count === 1 ? "" : "s"})`;
    }
    case "late_sync":
      return `A sale at ${names.register(facets.registerId)} ${d.shiftClosed === true ? "was rung up after its shift closed" : "reached the server more than a day late"}`;
    case "cash_variance": {
      const variance = num(d.variance) ?? 0;
      return `${names.register(facets.registerId)}: drawer ${variance < 0 ? "short" : "over"} by ${money(Math.abs(variance))}`;
    }
    case "duplicate_customer":
      return `${str(d.email) ?? str(d.phone) ?? "A contact"} is on ${1 + (Array.isArray(d.matches) ? d.matches.length : 0)} customers`;
    case "stale_catalog": {
      const sales = Array.isArray(d.sales) ? d.sales.length : 0;
      return `${names.register(str(d.registerId))} sold ${sales} sale${sales === 1 ? "" : "s"} on an older catalog (${money(num(d.difference) ?? 0)} difference)`;
    }
    case "refund_exceeds_sale":
      return "A refund returns more than its sale sold";
    case "flagged_sale":
      return `A sale at ${names.register(facets.registerId)} set aside for review (${Array.isArray(d.reasons) ? d.reasons.join(", ").replace(/_/g, " ") : "flagged"})`;
  }
}
