import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { openTestReplica } from "../testing/test-till";
import { dropOutsideWindow } from "./sales-window";

const NOW = new Date("2026-11-29T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

describe("the till's window", () => {
  it("drops synced sales older than 90 days, keeps newer ones and any sale still waiting to sync", async () => {
    const db = await openTestReplica();
    const sale = (id: string, createdAt: string) => ({ ...examples.sales, id, number: id.toUpperCase(), createdAt });
    await db.sales.bulkInsert([sale("old", daysAgo(120)), sale("edge", daysAgo(89)), sale("unsynced", daysAgo(200)), sale("new", daysAgo(1))]);
    expect(await dropOutsideWindow(db, "sales", new Set(["unsynced"]), NOW)).toBe(1);
    expect((await db.sales.find().exec()).map((d) => d.id).sort()).toEqual(["edge", "new", "unsynced"]);
    expect(await dropOutsideWindow(db, "sales", new Set(), NOW)).toBe(1);
    expect(await dropOutsideWindow(db, "sales", new Set(), NOW)).toBe(0);
  });

  it("drops stock movements older than 90 days by when the stock moved, and keeps the rest", async () => {
    const db = await openTestReplica();
    const moved = (id: string, occurredAt: string) => ({ ...examples.stock_movements, id, occurredAt });
    await db.stock_movements.bulkInsert([moved("old", daysAgo(91)), moved("edge", daysAgo(89)), moved("new", daysAgo(0))]);
    expect(await dropOutsideWindow(db, "stock_movements", new Set(), NOW)).toBe(1);
    expect((await db.stock_movements.find().exec()).map((d) => d.id).sort()).toEqual(["edge", "new"]);
    expect(await dropOutsideWindow(db, "stock_movements", new Set(), NOW)).toBe(0);
  });
});
