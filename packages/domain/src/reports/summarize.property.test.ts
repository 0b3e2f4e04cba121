import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zReport, type ZReportDocument } from "../shifts/z-report.ts";
import { bp, minor, type Minor } from "../units.ts";
import { addBucketFact, addProductFact, factsOf, type BucketFact, type ProductFact } from "./report-facts.ts";
import { orderReportDocument, saleReportDocument, type OrderLike, type SaleLike } from "./report-documents.ts";
import { daysFrom } from "./local-time.ts";
import { basketOf, netOf, summarize } from "./summarize.ts";

const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kathmandu", "UTC", "Pacific/Chatham"];
const START = Date.parse("2026-10-20T00:00:00Z");
const SPAN_MS = 14 * 86_400_000;

/** A line with its tax inside its total, as a till writes it; some with a unit cost. */
const line = fc.record({
  variantId: fc.constantFrom("v1", "v2", "v3", "v4"),
  qty: fc.integer({ min: 1, max: 5 }),
  total: fc.integer({ min: 0, max: 50_000 }),
  rate: fc.constantFrom(0, 700, 1900),
  unitCost: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: undefined }),
  categoryId: fc.option(fc.constantFrom("c1", "c2"), { nil: undefined }),
});

/** A sale or refund: its payments split the total over one to three methods (a split payment). */
const document = fc
  .record({
    kind: fc.constantFrom<"sale" | "refund">("sale", "sale", "sale", "refund"),
    at: fc.integer({ min: 0, max: SPAN_MS - 1 }),
    staffId: fc.constantFrom("alex", "sam"),
    lines: fc.array(line, { minLength: 1, maxLength: 4 }),
    discountTotal: fc.integer({ min: 0, max: 2_000 }),
    split: fc.array(fc.tuple(fc.constantFrom("cash", "card", "other"), fc.integer({ min: 1, max: 100 })), { minLength: 1, maxLength: 3 }),
  })
  .map((d) => {
    const lines = d.lines.map((l, i) => ({
      id: `l${i}`,
      variantId: l.variantId,
      sku: l.variantId.toUpperCase(),
      name: `Product ${l.variantId}`,
      qty: l.qty,
      total: l.total,
      tax: Math.round((l.total * l.rate) / (10_000 + l.rate)),
      taxRate: l.rate,
      unitCost: l.unitCost,
      categoryId: l.categoryId,
    }));
    const total = lines.reduce((s, l) => s + l.total, 0);
    const weights = d.split.reduce((s, [, w]) => s + w, 0);
    let left = total;
    const payments = d.split.map(([method, w], i) => {
      const amount = i === d.split.length - 1 ? left : Math.floor((total * w) / weights);
      left -= amount;
      return { method: method as "cash" | "card" | "other", amount };
    });
    return { ...d, lines, total, taxTotal: lines.reduce((s, l) => s + l.tax, 0), payments };
  });

/** Shifts of two registers, each with its sales and refunds; some online orders beside them. */
const period = fc.record({
  zone: fc.constantFrom(...ZONES),
  shifts: fc.array(fc.record({ registerId: fc.constantFrom("T1", "T2"), documents: fc.array(document, { maxLength: 12 }) }), {
    minLength: 1,
    maxLength: 6,
  }),
  orders: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: SPAN_MS - 1 }),
      status: fc.constantFrom("pending_payment", "paid", "ready_for_pickup", "completed", "cancelled", "refunded"),
      total: fc.integer({ min: 100, max: 30_000 }),
      variantId: fc.constantFrom("v1", "v5"),
    }),
    { maxLength: 8 },
  ),
});

/** The sales and refunds of each shift, as the tills wrote them. */
function salesOf(p: {
  shifts: {
    registerId: string;
    documents: {
      kind: "sale" | "refund";
      at: number;
      staffId: string;
      lines: SaleLike["lines"];
      discountTotal: number;
      total: number;
      taxTotal: number;
      payments: SaleLike["payments"];
    }[];
  }[];
}) {
  return p.shifts.map((shift, s) =>
    shift.documents.map((d, i): SaleLike => ({
      id: `s${s}-${i}`,
      kind: d.kind,
      createdAt: new Date(START + d.at).toISOString(),
      registerId: shift.registerId,
      staffId: d.staffId,
      total: d.total,
      discountTotal: d.discountTotal,
      taxTotal: d.taxTotal,
      payments: d.payments,
      lines: d.lines,
    })),
  );
}

/** Stores facts as the till does: one bucket and product fact per key, documents added one by one. */
function store(docs: ReturnType<typeof saleReportDocument>[], zone: string) {
  const buckets = new Map<string, BucketFact>();
  const products = new Map<string, ProductFact>();
  for (const doc of docs) {
    const facts = factsOf(doc, zone);
    buckets.set(facts.bucket.id, addBucketFact(buckets.get(facts.bucket.id), facts.bucket));
    for (const p of facts.products) products.set(p.id, addProductFact(products.get(p.id), p));
  }
  return { buckets: [...buckets.values()], products: [...products.values()] };
}

const toZ = (s: SaleLike): ZReportDocument => ({
  kind: s.kind,
  discountTotal: minor(s.discountTotal),
  taxTotal: minor(s.taxTotal),
  total: minor(s.total),
  lines: s.lines.map((l) => ({ taxRate: bp((l as { taxRate?: number }).taxRate ?? 0), tax: minor(l.tax), total: minor(l.total) })),
  payments: s.payments.map((p) => ({ method: p.method as "cash" | "card" | "other", amount: minor(p.amount) })),
});
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const ALL_DAYS = daysFrom("2026-10-18", "2026-11-05");

describe("report arithmetic", () => {
  it("over a period of whole shifts, the till's figures are the sums of those shifts' Z-reports; online orders are counted apart", () => {
    fc.assert(
      fc.property(period, (p) => {
        const shifts = salesOf(p);
        const orders: OrderLike[] = p.orders.map((o, i) => ({
          id: `o${i}`,
          status: o.status,
          createdAt: new Date(START + o.at).toISOString(),
          total: o.total,
          discountTotal: 0,
          taxTotal: Math.round((o.total * 700) / 10_700),
          lines: [
            {
              variantId: o.variantId,
              sku: o.variantId,
              name: o.variantId,
              qty: 1,
              total: o.total,
              tax: Math.round((o.total * 700) / 10_700),
            },
          ],
        }));
        const docs = [...shifts.flat().map(saleReportDocument), ...orders.flatMap((o) => orderReportDocument(o) ?? [])];
        const { buckets, products } = store(docs, p.zone);
        const summary = summarize(buckets, products, ALL_DAYS);

        const z = shifts.map((documents) => zReport({ openingFloat: minor(0), documents: documents.map(toZ) }));
        const till = summary.byChannel.till;
        expect(netOf(till)).toBe(sum(z.map((r) => r.netSales)));
        expect(till.sales).toBe(sum(z.map((r) => r.saleCount)));
        expect(till.refunds).toBe(sum(z.map((r) => r.refundCount)));
        expect(till.discounts).toBe(sum(z.map((r) => r.discountTotal)));
        expect(till.tax).toBe(sum(z.map((r) => r.taxTotal)));
        for (const method of ["cash", "card", "other"] as const) {
          expect(till[method]).toBe(sum(z.flatMap((r) => r.byPaymentMethod.filter((m) => m.method === method).map((m) => m.net))));
        }
        // A split payment counts once: the methods add up to the net, and every sale is one sale.
        expect(till.cash + till.card + till.other).toBe(netOf(till));

        const counted = orders.filter((o) => ["paid", "ready_for_pickup", "completed"].includes(o.status));
        expect(summary.byChannel.online.sales).toBe(counted.length);
        expect(netOf(summary.byChannel.online)).toBe(sum(counted.map((o) => o.total)));
        expect(netOf(summary.totals)).toBe(netOf(till) + netOf(summary.byChannel.online));
        // Registers and cashiers split the till's figures, never the online ones.
        expect(sum([...summary.byRegister.values()].map(netOf))).toBe(netOf(till));
        expect(sum([...summary.byStaff.values()].map((f) => f.sales))).toBe(till.sales);
      }),
      { numRuns: 300 },
    );
  });

  it("hours, days, products and categories each add up to the totals, in any time zone", () => {
    fc.assert(
      fc.property(period, (p) => {
        const docs = salesOf(p).flat().map(saleReportDocument);
        const { buckets, products } = store(docs, p.zone);
        const summary = summarize(buckets, products, ALL_DAYS);
        const net = netOf(summary.totals);
        expect(sum(summary.byHour.map(netOf))).toBe(net);
        expect(sum(summary.byDay.map((d) => netOf(d.figures)))).toBe(net);
        const lineNet = sum(docs.flatMap((d) => d.lines.map((l) => (d.kind === "refund" ? -l.total : l.total))));
        expect(sum(summary.products.map((r) => r.revenue))).toBe(lineNet);
        expect(sum(summary.categories.map((r) => r.revenue))).toBe(lineNet);
        expect(sum(summary.products.map((r) => r.units))).toBe(
          sum(docs.flatMap((d) => d.lines.map((l) => (d.kind === "refund" ? -l.qty : l.qty)))),
        );
        // Margin covers the lines with a cost, and says how much revenue it leaves out.
        const exTax = sum(docs.flatMap((d) => d.lines.map((l) => (d.kind === "refund" ? -1 : 1) * (l.total - l.tax))));
        expect(summary.totals.costedRevenue + summary.totals.uncostedRevenue).toBe(exTax);
        expect(basketOf(summary.totals)).toBe(summary.totals.sales === 0 ? 0 : Math.round(summary.totals.gross / summary.totals.sales));
      }),
      { numRuns: 300 },
    );
  });

  it("leaves days outside the range out", () => {
    const sale: SaleLike = {
      id: "s1",
      kind: "sale",
      createdAt: "2026-11-02T22:30:00Z",
      registerId: "T1",
      staffId: "alex",
      total: 1000,
      discountTotal: 0,
      taxTotal: 65,
      payments: [{ method: "cash", amount: 1000 }],
      lines: [{ variantId: "v1", sku: "V1", name: "Tea", qty: 1, total: 1000, tax: 65 }],
    };
    const { buckets, products } = store([saleReportDocument(sale)], "Europe/Berlin");
    // 22:30 UTC is 23:30 in Berlin: the 2nd's sale there, not the 3rd's.
    expect(netOf(summarize(buckets, products, ["2026-11-02"]).totals)).toBe(1000 as Minor);
    expect(netOf(summarize(buckets, products, ["2026-11-03"]).totals)).toBe(0);
    expect(summarize(buckets, products, ["2026-11-02"]).byHour[23]?.sales).toBe(1);
  });
});
