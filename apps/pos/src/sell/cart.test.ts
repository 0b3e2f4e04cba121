import { bp, minor, type Discount } from "@countertop/domain";
import type { Promotion } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cartReducer, EMPTY_CART, lineFor, needsApproval, priceOf, type Cart, type CartAction } from "./cart";

const mug = examples.products;
const [blue, red] = mug.variants as [(typeof mug.variants)[number], (typeof mug.variants)[number]];
const rates = new Map([[mug.taxRateId, 2000]]);
const percent = (value: number): Discount => ({ type: "percent", value: bp(value) });
const NOW = new Date("2026-11-22T12:00:00Z");

const add = (cart: Cart, variantId: string, id: string) => cartReducer(cart, { type: "add", id, line: lineFor(mug, variantId, rates) });

describe("lineFor", () => {
  it("takes the variant's price, SKU and the product's tax rate, and names the variant when there are several", () => {
    expect(lineFor(mug, red.id, rates)).toEqual({
      variantId: red.id,
      productId: mug.id,
      sku: "MUG-RED",
      name: "Stoneware mug — Red",
      unitPrice: 1200,
      taxRate: 2000,
      categoryId: mug.categoryId,
    });
    expect(lineFor({ ...mug, variants: [blue] }, blue.id, rates)).toMatchObject({ name: "Stoneware mug", unitCost: blue.cost });
  });

  it("falls back to the first variant and to no tax when the catalog has changed under the till", () => {
    const line = lineFor(mug, "gone", new Map());
    expect(line.variantId).toBe(blue.id);
    expect(line.taxRate).toBe(0);
  });

  it("keeps a name within the 200 characters a sale line allows", () => {
    expect(lineFor({ ...mug, name: "x".repeat(300) }, blue.id, rates).name).toHaveLength(200);
  });
});

describe("cartReducer", () => {
  it("adds one to the line of a variant already in the cart, unless that line has its own discount", () => {
    let cart = add(add(EMPTY_CART, blue.id, "l1"), blue.id, "l2");
    expect(cart.lines.map((l) => [l.id, l.qty])).toEqual([["l1", 2]]);
    cart = cartReducer(cart, { type: "lineDiscount", id: "l1", discount: percent(1000) });
    cart = add(cart, blue.id, "l3");
    expect(cart.lines.map((l) => [l.id, l.qty])).toEqual([
      ["l1", 2],
      ["l3", 1],
    ]);
  });

  it("sets quantities up to 9999 and removes a line set to zero", () => {
    let cart = add(EMPTY_CART, blue.id, "l1");
    cart = cartReducer(cart, { type: "qty", id: "l1", qty: 20_000 });
    expect(cart.lines[0]!.qty).toBe(9999);
    cart = cartReducer(cart, { type: "qty", id: "l1", qty: 0 });
    expect(cart.lines).toEqual([]);
  });

  it("holds a cart discount and a customer, resumes a parked cart and clears", () => {
    const parked = add(EMPTY_CART, red.id, "p1");
    let cart = add(EMPTY_CART, blue.id, "l1");
    cart = cartReducer(cart, { type: "cartDiscount", discount: percent(500) });
    cart = cartReducer(cart, { type: "customer", customerId: "c1" });
    expect(cart).toMatchObject({ cartDiscount: percent(500), customerId: "c1" });
    expect(cartReducer(cart, { type: "resume", cart: parked })).toBe(parked);
    expect(cartReducer(cart, { type: "clear" })).toBe(EMPTY_CART);
  });

  it("never changes the cart it was given", () => {
    const cart = add(EMPTY_CART, blue.id, "l1");
    const before = JSON.stringify(cart);
    cartReducer(cart, { type: "qty", id: "l1", qty: 5 });
    cartReducer(cart, { type: "remove", id: "l1" });
    expect(JSON.stringify(cart)).toBe(before);
  });
});

describe("priceOf", () => {
  it("applies the shop's automatic promotions, not coupons or inactive ones", () => {
    const halfPrice = examples.promotions;
    const cart = add(add(EMPTY_CART, blue.id, "l1"), blue.id, "l2");
    const price = (promotions: Promotion[]) => priceOf(cart, "inclusive", promotions, NOW).total;
    expect(price([])).toBe(2400);
    expect(price([halfPrice])).toBe(1800);
    expect(price([{ ...halfPrice, code: "MUGS" }])).toBe(2400);
    expect(price([{ ...halfPrice, active: false }])).toBe(2400);
  });

  // Built by any sequence of a cashier's actions, the cart prices line for line (completing a sale
  // pairs priced and cart lines by position) and its total is the sum of what each line costs.
  it("prices every line of any cart, in order, and the total adds up", () => {
    const action = fc.oneof(
      fc.record({ type: fc.constant("add" as const), variant: fc.constantFrom(blue.id, red.id) }),
      fc.record({ type: fc.constant("qty" as const), line: fc.nat(5), qty: fc.integer({ min: -1, max: 50 }) }),
      fc.record({ type: fc.constant("remove" as const), line: fc.nat(5) }),
      fc.record({ type: fc.constant("lineDiscount" as const), line: fc.nat(5), percent: fc.integer({ min: 1, max: 10_000 }) }),
      fc.record({ type: fc.constant("cartDiscount" as const), amount: fc.integer({ min: 1, max: 500 }) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), fc.constantFrom("inclusive" as const, "exclusive" as const), (actions, taxMode) => {
        let cart = EMPTY_CART;
        actions.forEach((a, i) => {
          const lineId = (n: number) => cart.lines[n % Math.max(1, cart.lines.length)]?.id ?? "none";
          const step: CartAction =
            a.type === "add"
              ? { type: "add", id: `l${i}`, line: lineFor(mug, a.variant, rates) }
              : a.type === "qty"
                ? { type: "qty", id: lineId(a.line), qty: a.qty }
                : a.type === "remove"
                  ? { type: "remove", id: lineId(a.line) }
                  : a.type === "lineDiscount"
                    ? { type: "lineDiscount", id: lineId(a.line), discount: percent(a.percent) }
                    : { type: "cartDiscount", discount: { type: "fixed", value: minor(a.amount) } };
          cart = cartReducer(cart, step);
        });
        for (const line of cart.lines) expect(line.qty).toBeGreaterThanOrEqual(1);
        expect(new Set(cart.lines.map((l) => l.id)).size).toBe(cart.lines.length);
        const priced = priceOf(cart, taxMode, [], NOW);
        expect(priced.lines.map((l) => l.id)).toEqual(cart.lines.map((l) => l.id));
        expect(priced.total).toBe(priced.lines.reduce((sum, l) => sum + l.total, 0));
        expect(priced.subtotal).toBe(cart.lines.reduce((sum, l) => sum + l.qty * l.unitPrice, 0));
      }),
    );
  });
});

describe("needsApproval", () => {
  it("asks for a manager when the discount's share is above the threshold", () => {
    expect(needsApproval(percent(2000), 1000, 2000)).toBe(false);
    expect(needsApproval(percent(2001), 1000, 2000)).toBe(true);
    expect(needsApproval({ type: "fixed", value: minor(200) }, 1000, 2000)).toBe(false);
    expect(needsApproval({ type: "fixed", value: minor(201) }, 1000, 2000)).toBe(true);
  });

  it("never asks when there is nothing to discount", () => {
    expect(needsApproval(percent(10_000), 0, 0)).toBe(false);
  });
});
