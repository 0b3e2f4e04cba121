import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addPromotionFact, couponKey, factsOf, type PromotionFact } from "./report-facts.ts";
import { COUNTED_ORDER_STATUSES, orderReportDocument, saleReportDocument } from "./report-documents.ts";

const START = Date.parse("2026-10-20T00:00:00Z");
const SPAN_MS = 20 * 86_400_000;
const ZONES = ["Europe/Berlin", "Asia/Kathmandu", "UTC", "Pacific/Chatham"];

const sale = fc.record({
  kind: fc.constantFrom<"sale" | "refund">("sale", "sale", "refund"),
  at: fc.integer({ min: 0, max: SPAN_MS - 1 }),
  promotionIds: fc.uniqueArray(fc.constantFrom("p1", "p2", "p3"), { maxLength: 3 }),
  discountTotal: fc.integer({ min: -500, max: 2_000 }),
});
const order = fc.record({
  at: fc.integer({ min: 0, max: SPAN_MS - 1 }),
  status: fc.constantFrom("pending_payment", "paid", "shipped", "completed", "cancelled", "refunded"),
  couponCode: fc.option(fc.constantFrom("welcome", "WELCOME", "Summer"), { nil: undefined }),
  discountTotal: fc.integer({ min: 0, max: 2_000 }),
});

describe("promotion facts", () => {
  it("summed over the days, give each promotion's uses and discounts as counted straight from the sales and orders, in any time zone", () => {
    fc.assert(
      fc.property(
        fc.array(sale, { maxLength: 30 }),
        fc.array(order, { maxLength: 10 }),
        fc.constantFrom(...ZONES),
        (sales, orders, zone) => {
          const stored = new Map<string, PromotionFact>();
          const docs = [
            ...sales.map((s, i) =>
              saleReportDocument({
                id: `s${i}`,
                kind: s.kind,
                createdAt: new Date(START + s.at).toISOString(),
                registerId: "T1",
                staffId: "alex",
                total: 1_000,
                discountTotal: s.discountTotal,
                taxTotal: 0,
                payments: [{ method: "cash", amount: 1_000 }],
                lines: [],
                promotionIds: s.promotionIds,
              }),
            ),
            ...orders.flatMap((o, i) => {
              const doc = orderReportDocument({
                id: `o${i}`,
                createdAt: new Date(START + o.at).toISOString(),
                status: o.status,
                total: 1_000,
                discountTotal: o.discountTotal,
                taxTotal: 0,
                lines: [],
                couponCode: o.couponCode,
              });
              return doc ? [doc] : [];
            }),
          ];
          for (const doc of docs)
            for (const fact of factsOf(doc, zone).promotions) stored.set(fact.id, addPromotionFact(stored.get(fact.id), fact));
          const summed = new Map<string, { uses: number; discounts: number }>();
          for (const fact of stored.values()) {
            const sum = summed.get(fact.key) ?? { uses: 0, discounts: 0 };
            summed.set(fact.key, { uses: sum.uses + fact.uses, discounts: sum.discounts + fact.discounts });
          }

          // Straight from the documents: a sale adds a use and its discount, a refund takes back a use
          // and its discount as given; an order with a coupon adds one while it counts.
          const expected = new Map<string, { uses: number; discounts: number }>();
          const add = (key: string, uses: number, discounts: number) => {
            const sum = expected.get(key) ?? { uses: 0, discounts: 0 };
            expected.set(key, { uses: sum.uses + uses, discounts: sum.discounts + discounts });
          };
          for (const s of sales)
            for (const id of s.promotionIds)
              if (s.kind === "refund") add(id, -1, -Math.abs(s.discountTotal));
              else add(id, 1, s.discountTotal);
          for (const o of orders)
            if (o.couponCode && COUNTED_ORDER_STATUSES.has(o.status)) add(couponKey(o.couponCode), 1, o.discountTotal);

          const nonZero = (m: Map<string, { uses: number; discounts: number }>) =>
            new Map([...m].filter(([, v]) => v.uses !== 0 || v.discounts !== 0));
          expect(nonZero(summed)).toEqual(nonZero(expected));
          for (const fact of stored.values()) expect(fact.id).toBe(`${fact.day}|${fact.key}`);
        },
      ),
    );
  });

  it("takes a fact away again with sign −1 (an order that stops counting)", () => {
    const doc = orderReportDocument({
      id: "o1",
      createdAt: "2026-11-24T09:00:00Z",
      status: "paid",
      total: 1_000,
      discountTotal: 250,
      taxTotal: 0,
      lines: [],
      couponCode: "welcome",
    })!;
    const [fact] = factsOf(doc, "UTC").promotions;
    expect(fact).toMatchObject({ id: "2026-11-24|code:WELCOME", key: "code:WELCOME", uses: 1, discounts: 250 });
    expect(addPromotionFact(addPromotionFact(undefined, fact!), fact!, -1)).toMatchObject({ uses: 0, discounts: 0 });
  });
});
