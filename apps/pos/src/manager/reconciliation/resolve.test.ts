import { examples } from "@countertop/sync-protocol/testing";
import { reconciliationSchema, type Reconciliation } from "@countertop/sync-protocol";
import { describe, expect, it } from "vitest";
import type { ManagerWrite } from "../../data/local-db";
import { filterItems, pendingResolutions, resolutionStanding } from "./queue";
import { decisionProblem, resolved } from "./resolve";

const NOW = new Date("2026-11-29T10:00:00Z");
const oversell: Reconciliation = {
  ...examples.reconciliation,
  id: "oversell:L1:v1",
  kind: "oversell",
  refId: "L1:v1",
  status: "open",
  createdAt: "2026-11-28T09:00:00Z",
  details: { locationId: "L1", variantId: "v1", onHand: -1 },
};

describe("resolving an item", () => {
  it("carries a recount's counted quantity and the time of counting in the item itself, valid on the wire", () => {
    const doc = resolved(oversell, { action: "recount", note: "Counted the shelf", effects: { countedQty: 4 } }, "m1", NOW);
    expect(doc).toMatchObject({
      status: "resolved",
      resolvedBy: "m1",
      resolvedAt: NOW.toISOString(),
      action: "recount",
      resolution: "Counted the shelf",
      effects: { countedQty: 4, countedAt: NOW.toISOString() },
    });
    expect(reconciliationSchema.safeParse(doc).success).toBe(true);
  });

  it.each<[string, Reconciliation["kind"], Parameters<typeof decisionProblem>[1], RegExp | undefined]>([
    ["a recount without a count", "oversell", { action: "recount", note: "" }, /how many you counted/],
    ["a negative count", "oversell", { action: "recount", note: "", effects: { countedQty: -1 } }, /how many you counted/],
    ["an accepted shortfall without a reason", "oversell", { action: "accept", note: "" }, /why the shelf was short/],
    ["a variance without a note", "cash_variance", { action: "acknowledge", note: " " }, /Add a note/],
    ["a merge with nobody to keep", "duplicate_customer", { action: "merge", note: "" }, /customer to keep/],
    ["an action that does not fit", "late_sync", { action: "recount", note: "", effects: { countedQty: 1 } }, /does not fit/],
    ["a good recount", "oversell", { action: "recount", note: "", effects: { countedQty: 0 } }, undefined],
    ["a good acknowledgement", "late_sync", { action: "acknowledge", note: "" }, undefined],
  ])("says what to fix: %s", (_label, kind, decision, problem) => {
    const found = decisionProblem(kind, decision);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});

describe("the queue", () => {
  const item = (
    id: string,
    createdAt: string,
    details: Record<string, unknown>,
    kind: Reconciliation["kind"] = "late_sync",
  ): Reconciliation => ({
    ...oversell,
    id,
    kind,
    refId: id,
    createdAt,
    details,
  });
  const items = [
    item("a", "2026-11-27T10:00:00Z", { registerId: "T1", staffId: "alex", locationId: "L1" }),
    item("b", "2026-11-28T23:30:00Z", { registerId: "T2", staffId: "sam", locationId: "L1" }),
    item("c", "2026-11-26T10:00:00Z", { registerId: "T1", staffId: "sam", locationId: "L2" }, "cash_variance"),
  ];

  it("is newest first and narrows by kind, location, register, cashier and the shop's days", () => {
    expect(filterItems(items, {}, "UTC").map((i) => i.id)).toEqual(["b", "a", "c"]);
    expect(filterItems(items, { kind: "cash_variance" }, "UTC").map((i) => i.id)).toEqual(["c"]);
    expect(filterItems(items, { registerId: "T1" }, "UTC").map((i) => i.id)).toEqual(["a", "c"]);
    expect(filterItems(items, { staffId: "sam", locationId: "L1" }, "UTC").map((i) => i.id)).toEqual(["b"]);
    expect(filterItems(items, { from: "2026-11-29" }, "UTC").map((i) => i.id)).toEqual([]);
    // 23:30 UTC on the 28th is the 29th in Berlin.
    expect(filterItems(items, { from: "2026-11-29" }, "Europe/Berlin").map((i) => i.id)).toEqual(["b"]);
    expect(filterItems([oversell], { locationId: "L1" }, "UTC")).toHaveLength(1);
  });

  it("shows a resolution made here as pending until it is accepted, and as beaten when another till's came first", () => {
    const write = (state: ManagerWrite["state"]): ManagerWrite => ({
      id: "w1",
      collection: "reconciliation",
      row: { newDocumentState: resolved(oversell, { action: "recount", note: "", effects: { countedQty: 2 } }, "m1", NOW) },
      createdAt: NOW.toISOString(),
      madeUnder: "pin",
      approved: false,
      state,
      staffId: "m1",
      staffName: "Maya",
      summary: "Recount",
    });
    const pending = pendingResolutions([write("waiting"), { ...write("accepted"), id: "w0" }]);
    expect(pending.get(oversell.id)?.id).toBe("w1");
    expect(resolutionStanding(oversell, write("waiting"))).toBe("pending");
    const winner = resolved(oversell, { action: "accept", note: "", reason: "stolen" }, "m2", NOW);
    expect(resolutionStanding(winner, write("refused"))).toBe("beaten");
    expect(resolutionStanding(winner, undefined)).toBe("none");
  });
});
