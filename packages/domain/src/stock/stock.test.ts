import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { qty } from "../units.ts";
import {
  available,
  classifyStock,
  LOW_STOCK_THRESHOLD,
  onHand,
  stockLevelId,
  stockLevels,
  stockStatus,
  type StockAudience,
  type StockMovementDelta,
} from "./stock.ts";

const mv = (variantId: string, locationId: string, delta: number): StockMovementDelta => ({ variantId, locationId, delta: qty(delta) });

describe("stock", () => {
  const movements = [mv("v1", "shop", 10), mv("v1", "shop", -3), mv("v1", "web", 5), mv("v2", "shop", -2)];

  it("folds movements into levels per location and variant", () => {
    expect(stockLevels(movements)).toEqual([
      { variantId: "v1", locationId: "shop", onHand: 7 },
      { variantId: "v1", locationId: "web", onHand: 5 },
      { variantId: "v2", locationId: "shop", onHand: -2 },
    ]);
    expect(onHand(movements, "v1", "shop")).toBe(7);
    expect(onHand(movements, "v9", "shop")).toBe(0);
    expect(stockLevelId("shop", "v1")).toBe("shop:v1");
  });

  it("subtracts reservations at the same location; shoppers never see below zero", () => {
    const level = { variantId: "v1", locationId: "shop", onHand: qty(7) };
    const reservations = [
      { variantId: "v1", locationId: "shop", qty: qty(5) },
      { variantId: "v1", locationId: "web", qty: qty(100) },
      { variantId: "v1", locationId: "shop", qty: qty(4) },
    ];
    expect(available(level, reservations.slice(0, 2))).toBe(2);
    expect(available(level, reservations)).toBe(0);
    expect(available(level, reservations, "staff")).toBe(-2);
    expect(available({ ...level, onHand: qty(-3) })).toBe(0);
  });

  it("classifies levels", () => {
    expect(classifyStock(qty(-1))).toBe("negative");
    expect(classifyStock(qty(0))).toBe("out");
    expect(classifyStock(qty(3), qty(3))).toBe("low");
    expect(classifyStock(qty(4), qty(3))).toBe("ok");
    expect(classifyStock(qty(1))).toBe("ok");
  });

  it("reads a level for staff and for shoppers, each with its own low threshold", () => {
    const read = (audience: StockAudience) => [-2, 0, 1, 3, 4, 5, 6].map((n) => stockStatus(qty(n), audience));
    expect(read("staff")).toEqual(["negative", "out", "low", "low", "ok", "ok", "ok"]);
    expect(read("shopper")).toEqual(["out", "out", "low", "low", "low", "low", "ok"]);
    expect(stockStatus(qty(6), "shopper", qty(10))).toBe("low");
  });

  it("a shopper reads what they may buy (never below zero) against their own threshold", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom<StockAudience>("staff", "shopper"), (n, audience) => {
        const status = stockStatus(qty(n), audience);
        expect(status).toBe(
          classifyStock(
            audience === "shopper" ? available({ variantId: "v", locationId: "l", onHand: qty(n) }) : qty(n),
            LOW_STOCK_THRESHOLD[audience],
          ),
        );
        if (audience === "shopper") expect(status).not.toBe("negative");
      }),
    );
  });

  it("levels are the sums of deltas, whatever the order of movements", () => {
    const arb = fc.array(fc.record({ v: fc.constantFrom("a", "b"), l: fc.constantFrom("x", "y"), d: fc.integer({ min: -50, max: 50 }) }), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(arb, fc.nat(), (raw, shift) => {
        const list = raw.map((r) => mv(r.v, r.l, r.d));
        const rotated = [...list.slice(shift % (list.length || 1)), ...list.slice(0, shift % (list.length || 1))];
        for (const level of stockLevels(list)) {
          const expected = raw.filter((r) => r.v === level.variantId && r.l === level.locationId).reduce((a, r) => a + r.d, 0);
          expect(level.onHand).toBe(expected);
          expect(onHand(rotated, level.variantId, level.locationId)).toBe(expected);
          expect(available(level)).toBe(Math.max(0, expected));
        }
      }),
    );
  });
});
