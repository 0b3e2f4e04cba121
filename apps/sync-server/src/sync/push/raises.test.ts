import type { Reconciliation } from "@countertop/sync-protocol";
import { describe, expect, it } from "vitest";
import { reconciliationDocs, type Raise } from "./raises";

const NOW = new Date("2026-11-29T10:00:00.000Z");
const raise: Raise = { id: "oversell:L:v", kind: "oversell", refId: "L:v", details: { onHand: -2 } };

describe("reconciliationDocs", () => {
  it("opens a new item created now", () => {
    expect(reconciliationDocs([raise], new Map(), NOW)).toEqual([
      {
        id: raise.id,
        kind: "oversell",
        refId: "L:v",
        status: "open",
        details: { onHand: -2 },
        createdAt: NOW.toISOString(),
        _deleted: false,
      },
    ]);
  });

  it("reopens a resolved item with the latest details, keeping when it was first raised and dropping the old resolution", () => {
    const resolved: Reconciliation = {
      id: raise.id,
      kind: "oversell",
      refId: "L:v",
      status: "resolved",
      details: { onHand: -1 },
      createdAt: "2026-11-01T00:00:00.000Z",
      resolvedBy: "m1",
      resolvedAt: "2026-11-02T00:00:00.000Z",
      resolution: "recounted",
      _deleted: false,
    };
    const [doc] = reconciliationDocs([raise], new Map([[raise.id, resolved]]), NOW);
    expect(doc).toEqual({
      id: raise.id,
      kind: "oversell",
      refId: "L:v",
      status: "open",
      details: { onHand: -2 },
      createdAt: "2026-11-01T00:00:00.000Z",
      _deleted: false,
    });
  });

  it("writes an item raised twice in one push once, with the last details", () => {
    const docs = reconciliationDocs([raise, { ...raise, details: { onHand: -5 } }], new Map(), NOW);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.details).toEqual({ onHand: -5 });
  });
});
