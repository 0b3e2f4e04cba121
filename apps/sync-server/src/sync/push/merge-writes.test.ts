import type { Sale, StockMovement } from "@countertop/sync-protocol";
import { describe, expect, it } from "vitest";
import type { AnyDocumentWrite } from "../../documents/document.repository";
import { mergeWrites } from "./apply-push";

const movement = (id: string, delta: number) => ({ id, delta }) as unknown as StockMovement;

describe("mergeWrites", () => {
  it("inserts the ids only ever written as fresh, upserts an id any other write names, and keeps the last document of an id", () => {
    const sets = mergeWrites([
      { table: "sales", docs: [{ id: "s1" } as Sale], fresh: true },
      { table: "stock_movements", docs: [movement("m1", -1), movement("m2", -1)], fresh: true },
      { table: "stock_movements", docs: [movement("m2", -2), movement("m3", 5)] },
      { table: "stock_movements", docs: [movement("m1", -3)], fresh: true },
    ] as AnyDocumentWrite[]);
    expect(sets).toEqual([
      { table: "sales", docs: [{ id: "s1" }], fresh: true },
      { table: "stock_movements", docs: [movement("m1", -3)], fresh: true },
      { table: "stock_movements", docs: [movement("m2", -2), movement("m3", 5)] },
    ]);
  });

  it("writes nothing for empty sets", () => {
    expect(
      mergeWrites([
        { table: "sales", docs: [], fresh: true },
        { table: "sales", docs: [] },
      ] as AnyDocumentWrite[]),
    ).toEqual([]);
  });
});
