import { addDays, COUNTED_ORDER_STATUSES, startOfLocalDay } from "@countertop/domain";
import type { Order, Sale, Settings } from "@countertop/sync-protocol";
import type { PosDatabase } from "../../data/replica";
import { currencyDigits, decimal, toCsv } from "../csv";
import type { Names } from "../names";

const HEADER = [
  "date",
  "time",
  "channel",
  "document",
  "kind",
  "register",
  "cashier",
  "sku",
  "product",
  "category_id",
  "qty",
  "unit_price",
  "discount",
  "tax",
  "line_total",
  "unit_cost",
  "payment",
] as const;

/** When, in the shop's zone: `[YYYY-MM-DD, HH:MM]`. */
function localDateTime(iso: string, timeZone: string): [string, string] {
  const d = new Date(iso);
  return [d.toLocaleDateString("sv-SE", { timeZone }), d.toLocaleTimeString("sv-SE", { timeZone, hour: "2-digit", minute: "2-digit" })];
}

/**
 * Every line sold or refunded in a range as CSV, till sales and online orders (marked `online`) one
 * after the other in time order; refunded lines with negative quantities and amounts. Money as plain
 * decimals in the shop's currency.
 */
export function salesLinesCsv(
  sales: readonly Sale[],
  orders: readonly Order[],
  settings: Settings,
  names: Names,
  timeZone: string,
): string {
  const digits = currencyDigits(settings.currency);
  const m = (n: number) => decimal(n, digits);
  const rows = [
    ...sales.map((s) => ({ at: s.createdAt, doc: s, channel: "till" as const })),
    ...orders.filter((o) => COUNTED_ORDER_STATUSES.has(o.status)).map((o) => ({ at: o.createdAt, doc: o, channel: "online" as const })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return toCsv(
    HEADER,
    rows.flatMap(({ doc, channel }) => {
      const [date, time] = localDateTime(doc.createdAt, timeZone);
      const refund = channel === "till" && (doc as Sale).kind === "refund";
      const sign = refund ? -1 : 1;
      const payment =
        channel === "till"
          ? [...new Set((doc as Sale).payments.map((p) => p.method))].join("+")
          : `online ${(doc as Order).payment.provider}`;
      return doc.lines.map((l) => [
        date,
        time,
        channel,
        doc.number,
        channel === "till" ? (doc as Sale).kind : "order",
        channel === "till" ? names.register((doc as Sale).registerId) : "Online shop",
        channel === "till" ? names.staff((doc as Sale).staffId) : "",
        l.sku,
        l.name,
        l.categoryId,
        sign * l.qty,
        m(l.unitPrice),
        m(sign * l.discount),
        m(sign * l.tax),
        m(sign * l.total),
        l.unitCost === undefined ? "" : m(l.unitCost),
        payment,
      ]);
    }),
  );
}

/** The sales and counted orders of the shop's days `from`–`to` in the replica. */
export async function linesOfRange(
  db: PosDatabase,
  from: string,
  to: string,
  timeZone: string,
): Promise<{ sales: Sale[]; orders: Order[] }> {
  const selector = {
    createdAt: { $gte: startOfLocalDay(from, timeZone).toISOString(), $lt: startOfLocalDay(addDays(to, 1), timeZone).toISOString() },
  };
  const [sales, orders] = await Promise.all([
    db.sales.find({ selector, sort: [{ createdAt: "asc" }] }).exec(),
    db.orders.find({ selector }).exec(),
  ]);
  return { sales: sales.map((d) => d.toJSON() as Sale), orders: orders.map((d) => d.toJSON() as Order) };
}
