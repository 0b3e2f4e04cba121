import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundingMode } from "../../test/arbitraries.ts";
import { DomainErrorCode } from "../errors.ts";
import { minor } from "../units.ts";
import { roundCash, type CashRounding } from "./cash-rounding.ts";
import { assertPaymentsValid, cashRoundingOf, settlePayments, type Payment, type TenderInput } from "./payments.ts";

const CHF: CashRounding = { increment: minor(5), mode: "half_up" };
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "none";
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("cash rounding", () => {
  it("rounds the cash due to the increment and exposes the adjustment", () => {
    expect(roundCash(minor(1002), CHF)).toEqual({ due: 1000, adjustment: -2 });
    expect(roundCash(minor(1003), CHF)).toEqual({ due: 1005, adjustment: 2 });
    expect(roundCash(minor(1049), { increment: minor(100), mode: "half_even" })).toEqual({ due: 1000, adjustment: -49 });
    expect(roundCash(minor(1001), { increment: minor(5), mode: "up" })).toEqual({ due: 1005, adjustment: 4 });
    expect(roundCash(minor(1003))).toEqual({ due: 1003, adjustment: 0 });
    expect(codeOf(() => roundCash(minor(10), { increment: minor(0), mode: "up" }))).toBe(DomainErrorCode.InvalidCashRounding);
  });

  it("lands on a multiple of the increment, within half of it for half modes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.constantFrom(1, 5, 10, 50, 100), roundingMode, (amount, increment, mode) => {
        const r = roundCash(minor(amount), { increment: minor(increment), mode });
        expect(r.due % increment).toBe(0);
        expect(r.due - amount).toBe(r.adjustment);
        expect(Math.abs(r.adjustment)).toBeLessThan(increment);
        if (mode.startsWith("half")) expect(2 * Math.abs(r.adjustment)).toBeLessThanOrEqual(increment);
      }),
    );
  });
});

describe("settlePayments", () => {
  it("gives change from cash only", () => {
    const s = settlePayments(minor(1250), [{ method: "cash", tendered: minor(2000) }]);
    expect(s.payments).toEqual([{ method: "cash", amount: 1250, tendered: 2000, change: 750 }]);
    expect(s).toMatchObject({ change: 750, paidTotal: 1250, cashRoundingAdjustment: 0 });
  });

  it("splits card and cash; the cash covers the rest", () => {
    const s = settlePayments(minor(2500), [
      { method: "card", amount: minor(1000), reference: "AUTH-1" },
      { method: "cash", tendered: minor(2000) },
    ]);
    expect(s.payments).toEqual([
      { method: "card", amount: 1000, reference: "AUTH-1" },
      { method: "cash", amount: 1500, tendered: 2000, change: 500 },
    ]);
  });

  it("rounds only the cash part (CHF to 5 rappen)", () => {
    const s = settlePayments(
      minor(1003),
      [
        { method: "card", amount: minor(501) },
        { method: "cash", tendered: minor(1000) },
      ],
      CHF,
    );
    expect(s.payments[1]).toEqual({ method: "cash", amount: 500, tendered: 1000, change: 500 });
    expect(s).toMatchObject({ cashRoundingAdjustment: -2, paidTotal: 1001 });
    expect(assertPaymentsValid(minor(1003), s.payments, CHF)).toBe(-2);
    expect(cashRoundingOf({ total: minor(1003), payments: s.payments })).toBe(-2);
  });

  it("refuses tenders that do not add up", () => {
    expect(codeOf(() => settlePayments(minor(1000), [{ method: "card", amount: minor(999) }]))).toBe(DomainErrorCode.PaymentMismatch);
    expect(
      codeOf(() =>
        settlePayments(minor(1000), [
          { method: "card", amount: minor(1200) },
          { method: "cash", tendered: minor(0) },
        ]),
      ),
    ).toBe(DomainErrorCode.PaymentMismatch);
    expect(codeOf(() => settlePayments(minor(1000), [{ method: "cash", tendered: minor(999) }]))).toBe(DomainErrorCode.InsufficientTender);
    expect(
      codeOf(() =>
        settlePayments(minor(1000), [
          { method: "cash", tendered: minor(500) },
          { method: "cash", tendered: minor(500) },
        ]),
      ),
    ).toBe(DomainErrorCode.InvalidPayment);
    expect(
      codeOf(() =>
        settlePayments(minor(1000), [
          { method: "other", amount: minor(-5) },
          { method: "cash", tendered: minor(2000) },
        ]),
      ),
    ).toBe(DomainErrorCode.InvalidAmount);
    expect(settlePayments(minor(0), []).payments).toEqual([]);
  });

  const tenders = fc.record({
    total: fc.integer({ min: 0, max: 1e8 }),
    parts: fc.array(fc.record({ method: fc.constantFrom("card" as const, "other" as const), weight: fc.integer({ min: 0, max: 100 }) }), {
      maxLength: 3,
    }),
    withCash: fc.boolean(),
    extraCash: fc.integer({ min: 0, max: 1e6 }),
    rounding: fc.option(fc.record({ increment: fc.constantFrom(5, 10, 100).map(minor), mode: roundingMode }), { nil: undefined }),
  });

  it("splits always sum to the total plus the cash rounding, and change = tendered − cash due", () => {
    fc.assert(
      fc.property(tenders, ({ total, parts, withCash, extraCash, rounding }) => {
        // card parts take a share of the total; cash (if any) covers the rest
        const weightSum = parts.reduce((a, p) => a + p.weight, 0) || 1;
        const cardShare = withCash ? Math.floor(total / 2) : total;
        const amounts = parts.map((p) => Math.floor((cardShare * p.weight) / weightSum));
        if (!withCash && parts.length > 0) amounts[0] = (amounts[0] ?? 0) + total - amounts.reduce((a, b) => a + b, 0);
        const nonCash: TenderInput[] = parts.map((p, i) => ({ method: p.method, amount: minor(amounts[i] ?? 0) }));
        const cashDue = roundCash(minor(total - amounts.reduce((a, b) => a + b, 0)), rounding).due;
        const input: TenderInput[] = withCash ? [...nonCash, { method: "cash", tendered: minor(cashDue + extraCash) }] : nonCash;
        const expectFailure = !withCash && (parts.length === 0 ? total !== 0 : false);
        if (expectFailure) {
          expect(codeOf(() => settlePayments(minor(total), input, rounding))).toBe(DomainErrorCode.PaymentMismatch);
          return;
        }
        const s = settlePayments(minor(total), input, rounding);
        const paid = s.payments.reduce((a, p) => a + p.amount, 0);
        expect(paid).toBe(total + s.cashRoundingAdjustment);
        expect(s.paidTotal).toBe(paid);
        if (!withCash) expect(s.cashRoundingAdjustment).toBe(0);
        for (const p of s.payments) {
          if (p.method === "cash") expect(p.change).toBe((p.tendered ?? 0) - p.amount);
          else expect(p.change).toBeUndefined();
        }
        expect(s.change).toBe(withCash ? extraCash : 0);
        expect(assertPaymentsValid(minor(total), s.payments, rounding)).toBe(s.cashRoundingAdjustment);
      }),
      { numRuns: 500 },
    );
  });

  it("validation rejects any tampering with an amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e8 }), fc.integer({ min: 1, max: 1000 }), fc.boolean(), (total, delta, up) => {
        const payments: Payment[] = [{ method: "card", amount: minor(Math.max(0, total + (up ? delta : -delta))) }];
        expect(codeOf(() => assertPaymentsValid(minor(total), payments))).toBe(DomainErrorCode.PaymentMismatch);
      }),
    );
  });

  it("validation rejects change on a card and inconsistent cash change", () => {
    expect(codeOf(() => assertPaymentsValid(minor(100), [{ method: "card", amount: minor(100), change: minor(5) }]))).toBe(
      DomainErrorCode.InvalidPayment,
    );
    expect(
      codeOf(() => assertPaymentsValid(minor(100), [{ method: "cash", amount: minor(100), tendered: minor(200), change: minor(50) }])),
    ).toBe(DomainErrorCode.InvalidPayment);
  });
});
