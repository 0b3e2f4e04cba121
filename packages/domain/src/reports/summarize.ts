import type { Minor } from "../units.ts";
import { addFigures, figuresOf, ZERO_FIGURES, type BucketFact, type Channel, type Figures, type ProductFact } from "./report-facts.ts";

/** Net sales: what came in, refunds taken off. */
export const netOf = (f: Figures): Minor => (f.gross - f.refundTotal) as Minor;

/** The average sale (gross ÷ number of sales, rounded); 0 with no sales. */
export const basketOf = (f: Figures): Minor => (f.sales === 0 ? 0 : Math.round(f.gross / f.sales)) as Minor;

/** Margin of the lines with a known cost, in basis points of their revenue excluding tax; `undefined` when none. */
export function marginBp(f: Pick<Figures, "costedRevenue" | "cost">): number | undefined {
  return f.costedRevenue === 0 ? undefined : Math.round(((f.costedRevenue - f.cost) * 10_000) / f.costedRevenue);
}

/** A product or category ranked by what it sold. */
export interface Ranked {
  readonly key: string;
  readonly name: string;
  readonly units: number;
  readonly revenue: Minor;
  readonly revenueExTax: Minor;
  readonly cost: Minor;
  readonly costedUnits: number;
}

/** Every figure of a range, summed from the till's report store (or the server's). */
export interface ReportSummary {
  readonly totals: Figures;
  readonly byChannel: Readonly<Record<Channel, Figures>>;
  /** Index = the shop's hour of the day, 0–23. */
  readonly byHour: readonly Figures[];
  /** One entry per day of the range, in order, empty days included. */
  readonly byDay: readonly { readonly day: string; readonly figures: Figures }[];
  readonly byRegister: ReadonlyMap<string, Figures>;
  readonly byStaff: ReadonlyMap<string, Figures>;
  /** Products and categories, most revenue first. */
  readonly products: readonly Ranked[];
  readonly categories: readonly Ranked[];
}

const rankedFrom = (key: string, name: string): Ranked => ({
  key,
  name,
  units: 0,
  revenue: 0 as Minor,
  revenueExTax: 0 as Minor,
  cost: 0 as Minor,
  costedUnits: 0,
});

function addRanked(into: Map<string, Ranked>, key: string, name: string, fact: ProductFact): void {
  const before = into.get(key) ?? rankedFrom(key, name);
  into.set(key, {
    key,
    name: before.name || name,
    units: before.units + fact.units,
    revenue: (before.revenue + fact.revenue) as Minor,
    revenueExTax: (before.revenueExTax + fact.revenueExTax) as Minor,
    cost: (before.cost + fact.cost) as Minor,
    costedUnits: before.costedUnits + fact.costedUnits,
  });
}

/**
 * Sums stored facts over the days `days` (the shop's calendar days, in order; facts of other days are
 * left out, so a caller may pass a superset): totals, per channel, hour, day, register and cashier,
 * and products and categories by revenue. Online orders are their own channel, never mixed into a
 * register or a cashier.
 * @example
 * const summary = summarize(buckets, products, daysFrom("2026-11-01", "2026-11-30"), (id) => categories.get(id)?.name);
 * netOf(summary.byChannel.till) // till sales of November, refunds taken off
 */
export function summarize(
  buckets: readonly BucketFact[],
  products: readonly ProductFact[],
  days: readonly string[],
  categoryName: (categoryId: string) => string | undefined = () => undefined,
): ReportSummary {
  const inRange = new Set(days);
  let totals = ZERO_FIGURES;
  const byChannel: Record<Channel, Figures> = { till: ZERO_FIGURES, online: ZERO_FIGURES };
  const byHour: Figures[] = Array.from({ length: 24 }, () => ZERO_FIGURES);
  const byDay = new Map<string, Figures>(days.map((d) => [d, ZERO_FIGURES]));
  const byRegister = new Map<string, Figures>();
  const byStaff = new Map<string, Figures>();
  for (const bucket of buckets) {
    if (!inRange.has(bucket.day)) continue;
    const f = figuresOf(bucket);
    totals = addFigures(totals, f);
    byChannel[bucket.channel] = addFigures(byChannel[bucket.channel], f);
    byHour[bucket.hour] = addFigures(byHour[bucket.hour] ?? ZERO_FIGURES, f);
    byDay.set(bucket.day, addFigures(byDay.get(bucket.day) ?? ZERO_FIGURES, f));
    if (bucket.channel === "till") {
      byRegister.set(bucket.registerId, addFigures(byRegister.get(bucket.registerId) ?? ZERO_FIGURES, f));
      byStaff.set(bucket.staffId, addFigures(byStaff.get(bucket.staffId) ?? ZERO_FIGURES, f));
    }
  }
  const byProduct = new Map<string, Ranked>();
  const byCategory = new Map<string, Ranked>();
  for (const fact of products) {
    if (!inRange.has(fact.day)) continue;
    addRanked(byProduct, fact.variantId, fact.name, fact);
    const category = fact.categoryId ?? "";
    addRanked(byCategory, category, category ? (categoryName(category) ?? "Other category") : "No category", fact);
  }
  const ranked = (m: Map<string, Ranked>) => [...m.values()].sort((a, b) => b.revenue - a.revenue || b.units - a.units);
  return {
    totals,
    byChannel,
    byHour,
    byDay: [...byDay.entries()].map(([day, figures]) => ({ day, figures })),
    byRegister,
    byStaff,
    products: ranked(byProduct),
    categories: ranked(byCategory),
  };
}
