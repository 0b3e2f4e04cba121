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
    expect(sale.lines).toEqual([{ ...priced.lines[0], categoryId: mug.categoryId, manualDiscount: { type: "percent", value: 1050 } }]);
    expect(sale.payments.reduce((n, p) => n + p.amount, 0)).toBe(sale.total);
    expect((await db.sales.findOne(sale.id).exec())?.toJSON(true)).toMatchObject(sale);
  });
});
