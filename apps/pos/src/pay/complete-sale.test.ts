import { bp, minor, settlePayments } from "@countertop/domain";
import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { cartReducer, EMPTY_CART, lineFor, priceOf } from "../sell/cart";
import { openTestReplica, TEST_CASHIER, TEST_SHIFT, TEST_TILL, useMemoryLocalStorage } from "../testing/test-till";
import { completeSale } from "./complete-sale";

const mug = examples.products;
const settings = { ...examples.settings, currency: "EUR", taxMode: "inclusive" as const };

describe("completeSale", () => {
  useMemoryLocalStorage();

  it("writes the priced cart as the register's next sale, with the cashier's discounts and the cash rounding", async () => {
    const db = await openTestReplica();
    let cart = cartReducer(EMPTY_CART, {
      type: "add",
      id: "l1",
      line: lineFor(mug, mug.variants[0]!.id, new Map([[mug.taxRateId, 2000]])),
    });
    cart = cartReducer(cart, { type: "qty", id: "l1", qty: 3 });
    cart = cartReducer(cart, { type: "lineDiscount", id: "l1", discount: { type: "percent", value: bp(1050) } });
    cart = cartReducer(cart, { type: "customer", customerId: examples.customers.id });
    const priced = priceOf(cart, "inclusive", [], new Date("2026-11-22T12:00:00Z"));
    const settlement = settlePayments(priced.total, [{ method: "cash", tendered: minor(5000) }], { increment: minor(5), mode: "half_up" });

    const sale = await completeSale({
      db,
      till: TEST_TILL,
      shift: TEST_SHIFT,
      staff: TEST_CASHIER,
      settings,
      cart,
      priced,
      settlement,
      customerId: cart.customerId,
    });

    expect(sale).toMatchObject({
      kind: "sale",
      number: "T1-000001",
      registerId: TEST_TILL.deviceId,
      shiftId: TEST_SHIFT.id,
      customerId: examples.customers.id,
      subtotal: 3600,
      discountTotal: 378,
      cashRounding: -2,
      total: priced.total + settlement.cashRoundingAdjustment,
      payments: settlement.payments,
    });
    // The unit cost the variant had when sold travels with the line, for margins.
    expect(sale.lines).toEqual([
      { ...priced.lines[0], categoryId: mug.categoryId, unitCost: 450, manualDiscount: { type: "percent", value: 1050 } },
    ]);
    expect(sale.payments.reduce((n, p) => n + p.amount, 0)).toBe(sale.total);
    expect((await db.sales.findOne(sale.id).exec())?.toJSON(true)).toMatchObject(sale);
  });

  it("records each manager approval the cart collected, tied to what it approved, and the last approver", async () => {
    const db = await openTestReplica();
    const rates = new Map([[mug.taxRateId, 2000]]);
    const at = "2026-11-22T12:00:00.000Z";
    let cart = cartReducer(EMPTY_CART, { type: "add", id: "l1", line: lineFor(mug, mug.variants[0]!.id, rates) });
    cart = cartReducer(cart, { type: "add", id: "l2", line: lineFor(mug, mug.variants[1]!.id, rates) });
    const big = { type: "percent", value: bp(5000) } as const;
    cart = cartReducer(cart, {
      type: "lineDiscount",
      id: "l1",
      discount: big,
      approval: { staffId: "m-old", action: "discount", lineId: "l1", at },
    });
    // The discount on l1 is changed and approved again: only the new approval covers it.
    cart = cartReducer(cart, {
      type: "lineDiscount",
      id: "l1",
      discount: big,
      approval: { staffId: "m1", action: "discount", lineId: "l1", at },
    });
    cart = cartReducer(cart, {
      type: "lineDiscount",
      id: "l2",
      discount: big,
      approval: { staffId: "m2", action: "discount", lineId: "l2", at },
    });
    cart = cartReducer(cart, { type: "remove", id: "l2" });
    cart = cartReducer(cart, { type: "cartDiscount", discount: big, approval: { staffId: "m3", action: "discount", at } });
    const priced = priceOf(cart, "inclusive", [], new Date(at));
    const settlement = settlePayments(priced.total, [{ method: "cash", tendered: minor(100_000) }]);

    const sale = await completeSale({ db, till: TEST_TILL, shift: TEST_SHIFT, staff: TEST_CASHIER, settings, cart, priced, settlement });

    expect(sale.approvals).toEqual([
      { staffId: "m1", action: "discount", lineId: "l1", at },
      { staffId: "m3", action: "discount", at },
    ]);
    expect(sale.approvedBy).toBe("m3");
    const plain = await completeSale({
      db,
      till: TEST_TILL,
      shift: TEST_SHIFT,
      staff: TEST_CASHIER,
      settings,
      cart: EMPTY_CART,
      priced,
      settlement,
    });
    expect(plain).not.toHaveProperty("approvals");
    expect(plain).not.toHaveProperty("approvedBy");
  });
});
