import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonDoc } from "./json-equal.ts";
import { resolvePush, type PushActor, type PushOutcome, type SyncCollection } from "./resolve-push.ts";

const RUNS = { numRuns: 200 };
const till: PushActor = { actorKind: "device", deviceId: "reg-1" };
const otherTill: PushActor = { actorKind: "device", deviceId: "reg-2" };
const manager: PushActor = { actorKind: "manager" };
const shopper: PushActor = { actorKind: "shopper", customerId: "cust-1" };

/** Applies an outcome to the server's state, as the server does. */
function apply(master: JsonDoc | undefined, outcome: PushOutcome): JsonDoc | undefined {
  return outcome.action === "insert" || outcome.action === "update" ? outcome.doc : master;
}

const saleDoc = fc.record({
  id: fc.constantFrom("s1", "s2"),
  total: fc.integer({ min: 0, max: 1000 }),
  number: fc.constantFrom("A-1", "A-2"),
});

describe("append-only collections (sales, stock_movements)", () => {
  for (const collection of ["sales", "stock_movements"] as const) {
    it(`${collection}: a new document is inserted, an identical re-push is a no-op, other content gets the server's back`, () => {
      fc.assert(
        fc.property(saleDoc, saleDoc, (first, second) => {
          const again = { ...second, id: first.id };
          const inserted = resolvePush(collection, { incoming: first, context: till });
          expect(inserted).toEqual({ action: "insert", doc: first });
          const master = apply(undefined, inserted);
          const outcome = resolvePush(collection, { incoming: again, master, assumed: master, context: till });
          if (again.total === first.total && again.number === first.number) expect(outcome).toEqual({ action: "noop" });
          else expect(outcome).toEqual({ action: "conflict", master: first });
        }),
        RUNS,
      );
    });
  }

  it("a till's sale is never refused, whatever the server holds", () => {
    fc.assert(
      fc.property(
        saleDoc,
        fc.option(saleDoc, { nil: undefined }),
        (incoming, master) =>
          resolvePush("sales", { incoming, master: master && { ...master, id: incoming.id }, context: till }).action !== "refuse",
      ),
      RUNS,
    );
  });

  it("sales come from tills, not from a manager's browser or a shopper", () => {
    expect(resolvePush("sales", { incoming: { id: "s1" }, context: manager }).action).toBe("refuse");
    expect(resolvePush("sales", { incoming: { id: "s1" }, context: shopper }).action).toBe("refuse");
  });
});

describe("stock_levels", () => {
  it("are refused from every client", () => {
    for (const context of [till, manager, shopper])
      expect(resolvePush("stock_levels", { incoming: { id: "l:v", onHand: 3 }, context }).action).toBe("refuse");
  });
});

describe("field-merged collections (products, categories, customers, settings)", () => {
  const base = { id: "p1", name: "Tea", price: 100, status: "active" };
  it("applies a client's change on top of a server change to another field", () => {
    const outcome = resolvePush("products", {
      assumed: base,
      incoming: { ...base, name: "Green tea" },
      master: { ...base, price: 120 },
      context: manager,
    });
    expect(outcome).toEqual({ action: "update", doc: { ...base, name: "Green tea", price: 120 }, conflict: true });
  });
  it("keeps the server's value of a field both changed, and tells the client", () => {
    const master = { ...base, price: 120 };
    expect(resolvePush("products", { assumed: base, incoming: { ...base, price: 90 }, master, context: manager })).toEqual({
      action: "conflict",
      master,
    });
  });
  it("an edit from the client's latest view lands as-is", () => {
    expect(resolvePush("categories", { assumed: base, incoming: { ...base, name: "Teas" }, master: base, context: till })).toEqual({
      action: "update",
      doc: { ...base, name: "Teas" },
      conflict: false,
    });
  });
  it("a client that thinks a document is new, when the server has it, gets the server's", () => {
    expect(resolvePush("settings", { incoming: { ...base, name: "x" }, master: base, context: manager })).toEqual({
      action: "conflict",
      master: base,
    });
  });
  it("a shopper writes only their own customer profile", () => {
    expect(resolvePush("customers", { incoming: { id: "cust-1", name: "Me" }, context: shopper }).action).toBe("insert");
    expect(resolvePush("customers", { incoming: { id: "cust-2", name: "Not me" }, context: shopper }).action).toBe("refuse");
    expect(resolvePush("products", { incoming: base, context: shopper }).action).toBe("refuse");
  });
  it("converges: whatever the order two clients push from the same base, the result contains every non-clashing change", () => {
    const field = fc.constantFrom("name", "price", "status");
    fc.assert(
      fc.property(field, field, fc.integer(), fc.integer(), (fa, fb, va, vb) => {
        const a = { ...base, [fa]: va };
        const b = { ...base, [fb]: vb };
        const ab = apply(
          apply(base, resolvePush("products", { assumed: base, incoming: a, master: base, context: manager })),
          resolvePush("products", { assumed: base, incoming: b, master: a, context: manager }),
        );
        const ba = apply(
          apply(base, resolvePush("products", { assumed: base, incoming: b, master: base, context: manager })),
          resolvePush("products", { assumed: base, incoming: a, master: b, context: manager }),
        );
        if (fa !== fb) expect(ab).toEqual(ba);
        expect(ab?.[fa]).toBe(fa === fb ? va : va);
      }),
      RUNS,
    );
  });
});

describe("server-wins collections (staff, promotions)", () => {
  const base = { id: "st1", name: "Alex", active: true };
  it("accept a write made from the server's current document and answer any other with the server's", () => {
    expect(resolvePush("staff", { assumed: base, incoming: { ...base, active: false }, master: base, context: manager }).action).toBe(
      "update",
    );
    const master = { ...base, name: "Alexandra" };
    expect(resolvePush("promotions", { assumed: base, incoming: { ...base, active: false }, master, context: manager })).toEqual({
      action: "conflict",
      master,
    });
  });
});

describe("shifts", () => {
  const open = { id: "sh1", registerId: "reg-1", status: "open", openingFloat: 10000 };
  const closed = { ...open, status: "closed", countedCash: 12000 };
  it("are opened and closed by their own register only", () => {
    expect(resolvePush("shifts", { incoming: open, context: till }).action).toBe("insert");
    expect(resolvePush("shifts", { incoming: open, context: otherTill }).action).toBe("refuse");
    expect(resolvePush("shifts", { assumed: open, incoming: closed, master: open, context: till })).toEqual({
      action: "update",
      doc: closed,
      conflict: false,
    });
  });
  it("a closed shift cannot be reopened or recounted", () => {
    expect(resolvePush("shifts", { assumed: open, incoming: { ...open, openingFloat: 5000 }, master: closed, context: till })).toEqual({
      action: "conflict",
      master: closed,
    });
    expect(resolvePush("shifts", { assumed: closed, incoming: { ...closed, status: "open" }, master: closed, context: till })).toEqual({
      action: "conflict",
      master: closed,
    });
    expect(resolvePush("shifts", { assumed: closed, incoming: { ...closed, countedCash: 1 }, master: closed, context: till })).toEqual({
      action: "conflict",
      master: closed,
    });
  });
  it("anyone else writes only the manager's review fields, merged with the register's", () => {
    const reviewed = { ...closed, reviewedBy: "mgr", reviewNote: "ok", countedCash: 1 };
    expect(resolvePush("shifts", { assumed: closed, incoming: reviewed, master: closed, context: manager })).toEqual({
      action: "update",
      doc: { ...closed, reviewedBy: "mgr", reviewNote: "ok" },
      conflict: true,
    });
    const reviewedMaster = { ...closed, reviewedBy: "mgr" };
    expect(resolvePush("shifts", { assumed: closed, incoming: closed, master: reviewedMaster, context: till }).action).toBe("update");
  });
});

describe("orders", () => {
  const order = { id: "o1", status: "paid", total: 5000, updatedAt: "2026-01-01T00:00:00.000Z" };
  it("move one legal step from the status the client saw", () => {
    expect(
      resolvePush("orders", {
        assumed: order,
        incoming: { ...order, status: "ready_for_pickup", updatedAt: "2026-01-02T00:00:00.000Z" },
        master: order,
        context: manager,
      }),
    ).toEqual({
      action: "update",
      doc: { ...order, status: "ready_for_pickup", updatedAt: "2026-01-02T00:00:00.000Z" },
      conflict: false,
    });
  });
  it("an illegal or stale transition gets the server's order back", () => {
    expect(
      resolvePush("orders", { assumed: order, incoming: { ...order, status: "pending_payment" }, master: order, context: manager }),
    ).toEqual({ action: "conflict", master: order });
    const shipped = { ...order, status: "shipped" };
    expect(
      resolvePush("orders", { assumed: order, incoming: { ...order, status: "cancelled" }, master: shipped, context: manager }),
    ).toEqual({ action: "conflict", master: shipped });
  });
  it("only the status moves: other edits are dropped and the client is told", () => {
    const outcome = resolvePush("orders", {
      assumed: order,
      incoming: { ...order, status: "shipped", total: 1 },
      master: order,
      context: manager,
    });
    expect(outcome).toEqual({ action: "update", doc: { ...order, status: "shipped" }, conflict: true });
  });
  it("are created at checkout, never pushed", () => {
    expect(resolvePush("orders", { incoming: order, context: manager }).action).toBe("refuse");
  });
});

describe("reconciliation", () => {
  const item = { id: "oversell:l:v", kind: "oversell", status: "open", refId: "l:v", details: { onHand: -2 } };
  it("a manager resolves an item; nothing else of it changes", () => {
    const resolved = { ...item, status: "resolved", resolvedBy: "mgr", resolution: "recounted", details: { onHand: 99 } };
    expect(resolvePush("reconciliation", { assumed: item, incoming: resolved, master: item, context: till })).toEqual({
      action: "update",
      doc: { ...item, status: "resolved", resolvedBy: "mgr", resolution: "recounted" },
      conflict: true,
    });
  });
  it("clients cannot raise items", () => {
    expect(resolvePush("reconciliation", { incoming: item, context: manager }).action).toBe("refuse");
  });
});

describe("every collection", () => {
  const collections: SyncCollection[] = [
    "products",
    "categories",
    "sales",
    "stock_movements",
    "shifts",
    "customers",
    "staff",
    "settings",
    "promotions",
  ];
  it("an identical re-push of what the server holds is a no-op", () => {
    fc.assert(
      fc.property(fc.constantFrom(...collections), fc.dictionary(fc.constantFrom("a", "b", "c"), fc.jsonValue()), (collection, fields) => {
        const doc = { ...fields, id: "cust-1", registerId: "reg-1" };
        expect(resolvePush(collection, { assumed: doc, incoming: doc, master: doc, context: till })).toEqual({ action: "noop" });
      }),
      RUNS,
    );
  });
});
