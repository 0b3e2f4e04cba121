import type { Customer, Shift, StockMovement } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { makeSale } from "../../../testing/fixtures";
import { duplicateCustomers } from "./customers.plan";
import { orderCancelMovements } from "./orders.plan";
import { LATE_AFTER_MS, saleChecks, saleMovements } from "./sales.plan";
import { cashVariances } from "./shifts.plan";

const NOW = new Date("2026-11-29T10:00:00.000Z");
const sale = { ...examples.sales, createdAt: new Date(NOW.getTime() - 60_000).toISOString() };
const line = sale.lines[0]!;
const catalog = new Map([[line.variantId, { track: true, price: line.unitPrice, sku: line.sku }]]);

describe("saleMovements", () => {
  it("moves stock out for each tracked line, with an id derived from the sale and line", () => {
    const [m] = saleMovements(sale, catalog);
    expect(m).toMatchObject({ id: `${sale.id}:${line.id}`, delta: -line.qty, reason: "sale", refId: sale.id, variantId: line.variantId });
  });

  it("moves stock back in for a refund", () => {
    expect(saleMovements({ ...sale, kind: "refund" }, catalog)[0]).toMatchObject({ delta: line.qty, reason: "refund" });
  });

  it("skips a variant the catalog does not track, but moves one it does not know", () => {
    expect(saleMovements(sale, new Map([[line.variantId, { track: false, price: 1, sku: "x" }]]))).toEqual([]);
    expect(saleMovements(sale, new Map())).toHaveLength(sale.lines.length);
  });
});

describe("saleChecks", () => {
  const facts = { catalog, closedShifts: new Map<string, string>(), promotions: [], priceHistory: new Map(), promotionHistory: new Map() };

  it("raises nothing for a correctly priced sale on time", () => {
    expect(saleChecks([sale], facts, NOW)).toEqual([]);
  });

  it("raises a price_mismatch when the catalog price differs", () => {
    const dearer = new Map([[line.variantId, { track: true, price: line.unitPrice + 100, sku: line.sku }]]);
    const [raise] = saleChecks([sale], { ...facts, catalog: dearer }, NOW);
    expect(raise).toMatchObject({ id: `price_mismatch:${sale.id}`, kind: "price_mismatch", refId: sale.id });
  });

  it("raises late_sync for a sale a day late or rung up after its shift closed", () => {
    const old = { ...sale, createdAt: new Date(NOW.getTime() - LATE_AFTER_MS - 1).toISOString() };
    expect(saleChecks([old], facts, NOW).map((r) => r.kind)).toEqual(["late_sync"]);
    const closedBefore = new Date(Date.parse(sale.createdAt) - 1).toISOString();
    expect(saleChecks([sale], { ...facts, closedShifts: new Map([[sale.shiftId, closedBefore]]) }, NOW)[0]?.details).toMatchObject({
      shiftClosed: true,
      shiftClosedAt: closedBefore,
    });
  });

  it("raises nothing for a sale made before its shift closed that arrives after the close (a till sends them in no fixed order)", () => {
    const closedAfter = new Date(Date.parse(sale.createdAt) + 1).toISOString();
    expect(saleChecks([sale], { ...facts, closedShifts: new Map([[sale.shiftId, closedAfter]]) }, NOW)).toEqual([]);
  });

  it("names the register, location, cashier and shift of the sale, so the manager's queue filters without reading sales", () => {
    const old = { ...sale, createdAt: new Date(NOW.getTime() - LATE_AFTER_MS - 1).toISOString() };
    expect(saleChecks([old], facts, NOW)[0]?.details).toMatchObject({
      registerId: sale.registerId,
      locationId: sale.locationId,
      staffId: sale.staffId,
      shiftId: sale.shiftId,
    });
  });
});

describe("orderCancelMovements", () => {
  it("puts back each order movement once, with an id derived from it", () => {
    const reserved: StockMovement = {
      id: "o1:l1",
      locationId: "L",
      variantId: "v",
      delta: -2,
      reason: "order",
      refId: "o1",
      occurredAt: NOW.toISOString(),
      _deleted: false,
    };
    expect(orderCancelMovements([reserved, { ...reserved, id: "x", reason: "sale" }], NOW)).toEqual([
      {
        id: "o1:l1:cancel",
        locationId: "L",
        variantId: "v",
        delta: 2,
        reason: "order_cancel",
        refId: "o1",
        occurredAt: NOW.toISOString(),
        _deleted: false,
      },
    ]);
  });
});

describe("cashVariances", () => {
  const closed: Shift = { ...examples.shifts, status: "closed", countedCash: 9_000, expectedCash: 10_000, variance: -1_000 };
  it("raises a closed shift with a variance, and not a balanced or open one", () => {
    expect(
      cashVariances([closed, { ...closed, id: "even", variance: 0 }, { ...closed, id: "open", status: "open" }]).map((r) => r.refId),
    ).toEqual([closed.id]);
  });
});

describe("duplicateCustomers", () => {
  const ana: Customer = { ...examples.customers, id: "c1", email: "Ana@Example.com", phone: "+49 30 1234" };
  it("flags a customer who shares an email (any case) or phone with another", () => {
    expect(duplicateCustomers([ana], [{ id: "c2", email: "ana@example.com", phone: null }])[0]).toMatchObject({
      id: "duplicate_customer:c1",
      details: { matches: ["c2"], email: "ana@example.com" },
    });
    expect(duplicateCustomers([ana], [{ id: "c3", email: null, phone: "+49 30 1234" }])[0]?.details).toMatchObject({ matches: ["c3"] });
  });

  it("does not flag a customer against themselves, nor a deleted one", () => {
    expect(duplicateCustomers([ana], [{ id: "c1", email: "ana@example.com", phone: null }])).toEqual([]);
    expect(duplicateCustomers([{ ...ana, _deleted: true }], [{ id: "c2", email: "ana@example.com", phone: null }])).toEqual([]);
  });
});

describe("duplicateCustomers within one push", () => {
  it("flags the later of two customers pushed together with one email", () => {
    const first: Customer = { ...examples.customers, id: "a", email: "same@example.test", phone: undefined };
    const second: Customer = { ...first, id: "b" };
    expect(duplicateCustomers([first, second], []).map((r) => r.refId)).toEqual(["b"]);
  });
});

describe("saleChecks against the catalog the till had", () => {
  /** A correctly priced cash sale of the example line's variant and quantity at `unitPrice`, naming the catalog `catalogSeq`. */
  const at = (unitPrice: number, catalogSeq: string) => ({
    ...makeSale({
      registerId: sale.registerId,
      locationId: sale.locationId,
      createdAt: new Date(sale.createdAt),
      lines: [{ variant: { id: line.variantId, sku: line.sku, title: line.name, price: unitPrice, taxRate: line.taxRate }, qty: line.qty }],
    }),
    catalogSeq,
  });
  const history = new Map([
    [
      line.variantId,
      [
        { seq: 10n, value: line.unitPrice },
        { seq: 20n, value: line.unitPrice + 100 },
      ],
    ],
  ]);
  const dearer = new Map([[line.variantId, { track: true, price: line.unitPrice + 100, sku: line.sku }]]);
  const facts = {
    catalog: dearer,
    closedShifts: new Map<string, string>(),
    promotions: [],
    priceHistory: history,
    promotionHistory: new Map(),
  };

  it("raises no price_mismatch for a sale priced on the older catalog the till had, but one stale_catalog item per till and change", () => {
    const onOld = { ...sale, catalogSeq: "15" };
    const raises = saleChecks([onOld], facts, NOW);
    expect(raises.map((r) => r.kind)).toEqual(["stale_catalog"]);
    expect(raises[0]).toMatchObject({
      id: `stale_catalog:${sale.registerId}:20`,
      details: { missedSeq: "20", difference: 100 * line.qty },
    });
    const again = saleChecks([{ ...onOld, id: "another" }], facts, NOW)[0]!;
    expect(again.id).toBe(raises[0]!.id);
    expect((again.accumulate!(raises[0]!.details).sales as unknown[]).length).toBe(2);
  });

  it("takes a sale's checkpoint as a lower bound: a sale at a price published after it is neither a mismatch nor stale", () => {
    // The till stored the new price a moment before the checkpoint that covers it, and sold at it.
    const onNew = at(line.unitPrice + 100, "15");
    expect(saleChecks([onNew], facts, NOW)).toEqual([]);
    // A price between the two, which the server never published, is still a mismatch.
    const between = at(line.unitPrice + 50, "15");
    const [raise] = saleChecks([between], facts, NOW);
    expect(raise).toMatchObject({
      kind: "price_mismatch",
      details: { mismatches: expect.arrayContaining([expect.objectContaining({ field: "unitPrice", expected: line.unitPrice })]) },
    });
  });

  it("finds a version between the checkpoint and today's, when the price changed twice since", () => {
    const twice = new Map([[line.variantId, [...history.get(line.variantId)!, { seq: 30n, value: line.unitPrice + 200 }]]]);
    const dearest = new Map([[line.variantId, { track: true, price: line.unitPrice + 200, sku: line.sku }]]);
    const middle = at(line.unitPrice + 100, "15");
    const raises = saleChecks([middle], { ...facts, catalog: dearest, priceHistory: twice }, NOW);
    // Not a mismatch: the till had the catalog of seq 20; it missed the change at 30.
    expect(raises.map((r) => r.kind)).toEqual(["stale_catalog"]);
    expect(raises[0]).toMatchObject({ details: { missedSeq: "30", difference: 100 * line.qty } });
  });

  it("still raises price_mismatch for a sale that matches neither catalog, and nothing for one on the current catalog", () => {
    expect(saleChecks([{ ...sale, catalogSeq: "25" }], facts, NOW).map((r) => r.kind)).toEqual(["price_mismatch"]);
    expect(saleChecks([at(line.unitPrice + 100, "25")], facts, NOW)).toEqual([]);
  });
});
