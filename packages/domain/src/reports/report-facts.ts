import type { Minor } from "../units.ts";
import { localHourOf } from "./local-time.ts";

/** Where a sale was made: at a till, or online (a storefront order). */
export type Channel = "till" | "online";

/** A line as reports read it (the wire sale line fits). */
export interface ReportLine {
  readonly variantId: string;
  readonly sku: string;
  readonly name: string;
  readonly qty: number;
  /** What the customer paid for the line, tax included when prices include it, after discounts. */
  readonly total: number;
  readonly tax: number;
  /** What one unit cost the shop when sold; absent when unknown (no margin for that line). */
  readonly unitCost?: number | undefined;
  readonly categoryId?: string | undefined;
}

/** A sale, refund or online order as reports read it. */
export interface ReportDocument {
  readonly id: string;
  readonly channel: Channel;
  readonly kind: "sale" | "refund";
  readonly createdAt: string;
  /** The till's register; `"online"` for an order. */
  readonly registerId: string;
  /** The cashier; `"online"` for an order. */
  readonly staffId: string;
  readonly total: number;
  readonly discountTotal: number;
  readonly taxTotal: number;
  readonly payments: readonly { readonly method: string; readonly amount: number }[];
  readonly lines: readonly ReportLine[];
  /** The promotions it applied, each by its {@link PromotionFact.key}. */
  readonly promotions?: readonly string[] | undefined;
}

/**
 * Additive figures of a set of sales and refunds. Every amount is a sum of recorded documents, in
 * minor units; refunds subtract. A sale paid in several parts is one sale: its payments split the
 * method columns, never the count or the totals.
 */
export interface Figures {
  /** Number of sales (receipts and orders), refunds not counted. */
  readonly sales: number;
  readonly refunds: number;
  /** Σ total of sales. */
  readonly gross: Minor;
  /** Σ total of refunds. */
  readonly refundTotal: Minor;
  /** Discounts given on sales, minus those returned by refunds. */
  readonly discounts: Minor;
  /** Tax on sales minus tax refunded. */
  readonly tax: Minor;
  /** Payments taken minus paid back, per method. */
  readonly cash: Minor;
  readonly card: Minor;
  readonly other: Minor;
  /** Revenue excluding tax of the lines whose unit cost is known, and what those units cost. */
  readonly costedRevenue: Minor;
  readonly cost: Minor;
  /** Revenue excluding tax of the lines with no known cost (margin leaves them out, and says how much). */
  readonly uncostedRevenue: Minor;
}

/** The figures of one hour of one register and cashier in one channel: what the till stores and sums. */
export interface BucketFact extends Figures {
  /** `{day}|{hour}|{channel}|{registerId}|{staffId}`. */
  readonly id: string;
  readonly day: string;
  readonly hour: number;
  readonly channel: Channel;
  readonly registerId: string;
  readonly staffId: string;
}

/** What one product (variant) sold on one day in one channel. */
export interface ProductFact {
  /** `{day}|{channel}|{variantId}`. */
  readonly id: string;
  readonly day: string;
  readonly channel: Channel;
  readonly variantId: string;
  readonly sku: string;
  readonly name: string;
  readonly categoryId?: string | undefined;
  /** Units sold minus units refunded. */
  readonly units: number;
  /** Σ line totals (tax included when prices include it), refunds subtracted. */
  readonly revenue: Minor;
  /** Σ line totals excluding tax, refunds subtracted. */
  readonly revenueExTax: Minor;
  /** What the costed units cost, and how many units had a known cost. */
  readonly cost: Minor;
  readonly costedUnits: number;
}

/** What the promotions gave on one day: a till's promotion by its id, an online order's coupon by its code. */
export interface PromotionFact {
  /** `{day}|{key}`. */
  readonly id: string;
  readonly day: string;
  /** The promotion's id (a till's sale applied it), or `code:` and the coupon code in upper case (an online order carried it). */
  readonly key: string;
  /** Sales and orders that used it, minus refunds that took a use back. */
  readonly uses: number;
  /** The discounts on those sales and orders (each one's whole discount), minus the refunded ones. */
  readonly discounts: Minor;
}

/** The {@link PromotionFact.key} of an online order's coupon code. */
export const couponKey = (code: string): string => `code:${code.toUpperCase()}`;

/** Figures of nothing. */
export const ZERO_FIGURES: Figures = Object.freeze({
  sales: 0,
  refunds: 0,
  gross: 0 as Minor,
  refundTotal: 0 as Minor,
  discounts: 0 as Minor,
  tax: 0 as Minor,
  cash: 0 as Minor,
  card: 0 as Minor,
  other: 0 as Minor,
  costedRevenue: 0 as Minor,
  cost: 0 as Minor,
  uncostedRevenue: 0 as Minor,
});

const FIGURE_KEYS = Object.keys(ZERO_FIGURES) as (keyof Figures)[];

/** `a + sign × b`, figure by figure. */
export function addFigures(a: Figures, b: Figures, sign: 1 | -1 = 1): Figures {
  const out: Record<string, number> = {};
  for (const key of FIGURE_KEYS) out[key] = a[key] + sign * b[key] || 0;
  return out as unknown as Figures;
}

/** Only the figures of a fact (no id, day or keys), e.g. to store a sum. */
export function figuresOf(fact: Figures): Figures {
  const out: Record<string, number> = {};
  for (const key of FIGURE_KEYS) out[key] = fact[key];
  return out as unknown as Figures;
}

/** The figures one document adds to its hour. */
export function documentFigures(doc: ReportDocument): Figures {
  const sign = doc.kind === "refund" ? -1 : 1;
  const paid = (method: string) => sign * doc.payments.filter((p) => p.method === method).reduce((sum, p) => sum + p.amount, 0);
  let costedRevenue = 0;
  let cost = 0;
  let uncostedRevenue = 0;
  for (const line of doc.lines) {
    const exTax = line.total - line.tax;
    if (line.unitCost === undefined) uncostedRevenue += exTax;
    else {
      costedRevenue += exTax;
      cost += line.unitCost * line.qty;
    }
  }
  return {
    sales: doc.kind === "sale" ? 1 : 0,
    refunds: doc.kind === "refund" ? 1 : 0,
    gross: (doc.kind === "sale" ? doc.total : 0) as Minor,
    refundTotal: (doc.kind === "refund" ? doc.total : 0) as Minor,
    discounts: (sign * doc.discountTotal) as Minor,
    tax: (sign * doc.taxTotal) as Minor,
    cash: paid("cash") as Minor,
    card: paid("card") as Minor,
    other: paid("other") as Minor,
    costedRevenue: (sign * costedRevenue) as Minor,
    cost: (sign * cost) as Minor,
    uncostedRevenue: (sign * uncostedRevenue) as Minor,
  };
}

/**
 * What one sale, refund or order adds to the till's report store: its hour's figures (in the shop's
 * time zone) and one fact per product it sold or returned. Adding these for every document and
 * summing them over a range gives the same figures as summing the documents themselves.
 * @example
 * const { bucket, products } = factsOf(sale, "Europe/Berlin");
 */
export function factsOf(
  doc: ReportDocument,
  timeZone: string | undefined,
): { bucket: BucketFact; products: ProductFact[]; promotions: PromotionFact[] } {
  const { day, hour } = localHourOf(doc.createdAt, timeZone);
  const sign = doc.kind === "refund" ? -1 : 1;
  const bucket: BucketFact = {
    id: bucketId(day, hour, doc.channel, doc.registerId, doc.staffId),
    day,
    hour,
    channel: doc.channel,
    registerId: doc.registerId,
    staffId: doc.staffId,
    ...documentFigures(doc),
  };
  const byVariant = new Map<string, ProductFact>();
  for (const line of doc.lines) {
    const id = `${day}|${doc.channel}|${line.variantId}`;
    const before = byVariant.get(id);
    const costed = line.unitCost !== undefined;
    byVariant.set(id, {
      id,
      day,
      channel: doc.channel,
      variantId: line.variantId,
      sku: line.sku,
      name: line.name,
      categoryId: line.categoryId,
      units: (before?.units ?? 0) + sign * line.qty,
      revenue: ((before?.revenue ?? 0) + sign * line.total) as Minor,
      revenueExTax: ((before?.revenueExTax ?? 0) + sign * (line.total - line.tax)) as Minor,
      cost: ((before?.cost ?? 0) + (costed ? sign * (line.unitCost ?? 0) * line.qty : 0)) as Minor,
      costedUnits: (before?.costedUnits ?? 0) + (costed ? sign * line.qty : 0),
    });
  }
  // A refund takes back the use and the discount of the sale it returns (its discount counted as given, whatever its sign).
  const discounts = (doc.kind === "refund" ? -Math.abs(doc.discountTotal) : doc.discountTotal) as Minor;
  const promotions = [...new Set(doc.promotions ?? [])].map((key) => ({ id: `${day}|${key}`, day, key, uses: sign, discounts }));
  return { bucket, products: [...byVariant.values()], promotions };
}

/** The key of an hour's bucket. */
export function bucketId(day: string, hour: number, channel: Channel, registerId: string, staffId: string): string {
  return `${day}|${String(hour).padStart(2, "0")}|${channel}|${registerId}|${staffId}`;
}

/** Adds a document's product fact to a stored one (same id), or starts it. */
export function addProductFact(before: ProductFact | undefined, fact: ProductFact, sign: 1 | -1 = 1): ProductFact {
  if (!before)
    return sign === 1
      ? fact
      : addProductFact({ ...fact, units: 0, revenue: 0 as Minor, revenueExTax: 0 as Minor, cost: 0 as Minor, costedUnits: 0 }, fact, -1);
  return {
    ...before,
    name: fact.name,
    sku: fact.sku,
    categoryId: fact.categoryId ?? before.categoryId,
    units: before.units + sign * fact.units,
    revenue: (before.revenue + sign * fact.revenue) as Minor,
    revenueExTax: (before.revenueExTax + sign * fact.revenueExTax) as Minor,
    cost: (before.cost + sign * fact.cost) as Minor,
    costedUnits: before.costedUnits + sign * fact.costedUnits,
  };
}

/** Adds a document's bucket to a stored one (same id), or starts it. */
export function addBucketFact(before: BucketFact | undefined, fact: BucketFact, sign: 1 | -1 = 1): BucketFact {
  const base = before ?? { ...fact, ...ZERO_FIGURES };
  return { ...base, ...addFigures(base, fact, sign) };
}

/** Adds a document's promotion fact to a stored one (same id), or starts it. */
export function addPromotionFact(before: PromotionFact | undefined, fact: PromotionFact, sign: 1 | -1 = 1): PromotionFact {
  return {
    ...fact,
    uses: (before?.uses ?? 0) + sign * fact.uses,
    discounts: ((before?.discounts ?? 0) + sign * fact.discounts) as Minor,
  };
}
