import type { Shift } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { cashMoves, varianceTotals } from "./variances";

const shift = (
  id: string,
  registerId: string,
  closedBy: string,
  variance: number | undefined,
  status: Shift["status"] = "closed",
): Shift => ({
  ...examples.shifts,
  id,
  registerId,
  closedBy,
  variance,
  status,
});

describe("variances over a range", () => {
  it("sums closed shifts per register and per cashier, shortfalls and overages apart", () => {
    const { byRegister, byCashier } = varianceTotals([
      shift("a", "T1", "alex", -500),
      shift("b", "T1", "sam", 200),
      shift("c", "T2", "alex", -100),
      shift("d", "T2", "sam", 0),
      shift("e", "T2", "sam", undefined, "open"),
    ]);
    expect(byRegister).toEqual([
      { key: "T1", shifts: 2, net: -300, short: -500, over: 200 },
      { key: "T2", shifts: 2, net: -100, short: -100, over: 0 },
    ]);
    expect(byCashier.map((c) => [c.key, c.net])).toEqual([
      ["alex", -600],
      ["sam", 200],
    ]);
  });

  it("adds a shift's pay-ins and pay-outs", () => {
    expect(cashMoves(examples.shifts)).toEqual({
      payIns: examples.shifts.cashMovements.filter((m) => m.kind === "pay_in").reduce((s, m) => s + m.amount, 0),
      payOuts: examples.shifts.cashMovements.filter((m) => m.kind === "pay_out").reduce((s, m) => s + m.amount, 0),
    });
  });
});
