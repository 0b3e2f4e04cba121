import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import type { Names } from "../names";
import { salesLinesCsv } from "./sales-lines-csv";

const names: Names = { staff: () => "Alex Brandt", register: () => "Front counter", location: () => "Main", people: [] };

describe("the sales lines export", () => {
  it("lists till lines and online order lines, refunds negative, money in the currency's decimals, in the shop's time", () => {
    const sale = {
      ...examples.sales,
      number: "T1-000001",
      createdAt: "2026-11-22T23:30:00Z",
      payments: [
        { method: "cash" as const, amount: 1 },
        { method: "card" as const, amount: 1 },
      ],
    };
    const refund = { ...sale, id: "r1", kind: "refund" as const, number: "T1-000002", createdAt: "2026-11-23T08:00:00Z" };
    const paid = { ...examples.orders, number: "1042", status: "paid" as const, createdAt: "2026-11-23T07:00:00Z" };
    const cancelled = { ...paid, id: "x", number: "1043", status: "cancelled" as const };
    const csv = salesLinesCsv([sale, refund], [paid, cancelled], { ...examples.settings, currency: "EUR" }, names, "Europe/Berlin");
    const rows = csv
      .trim()
      .split("\r\n")
      .map((r) => r.split(","));
    expect(rows[0]).toContain("line_total");
    expect(rows.map((r) => r[3])).toEqual(["document", "T1-000001", "1042", "T1-000002"]);
    // 23:30 UTC is 00:30 the next day in Berlin.
    expect(rows[1]!.slice(0, 3)).toEqual(["2026-11-23", "00:30", "till"]);
    expect(rows[1]![16]).toBe("cash+card");
    expect(rows[2]![2]).toBe("online");
    const line = examples.sales.lines[0]!;
    expect(rows[3]![10]).toBe(String(-line.qty));
    expect(rows[3]![14]).toBe(`-${(line.total / 100).toFixed(2)}`);
  });
});
