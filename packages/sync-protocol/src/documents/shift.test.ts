import { describe, expect, it } from "vitest";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { shiftSchema } from "./shift.ts";

const shift = examples.shifts;
const open = {
  id: shift.id,
  registerId: shift.registerId,
  locationId: shift.locationId,
  status: "open",
  openedBy: shift.openedBy,
  openedAt: shift.openedAt,
  openingFloat: 15000,
  _deleted: false,
};

describe("shiftSchema", () => {
  it("accepts a freshly opened shift and defaults cashMovements to []", () => {
    expect(shiftSchema.parse(open).cashMovements).toEqual([]);
  });

  it("accepts a manager's review", () => {
    const reviewed = { ...shift, reviewedBy: "mgr", reviewedAt: "2026-11-23T09:00:00Z", reviewNote: "Short 0.20, ok" };
    expect(shiftSchema.safeParse(reviewed).success).toBe(true);
  });

  it.each(["registerId", "locationId", "status", "openedBy", "openedAt", "openingFloat"])("rejects a shift without %s", (key) => {
    expect(shiftSchema.safeParse(without(shift, [key])).success).toBe(false);
  });

  it.each(["id", "kind", "amount", "reason", "at", "staffId"])("rejects a cash movement without %s", (key) => {
    expect(shiftSchema.safeParse(without(shift, ["cashMovements", 0, key])).success).toBe(false);
  });

  it.each<[string, (string | number)[], unknown]>([
    ["a negative opening float", ["openingFloat"], -100],
    ["a fractional counted cash", ["countedCash"], 163.4],
    ["a zero pay-out", ["cashMovements", 0, "amount"], 0],
    ["an unknown cash movement kind", ["cashMovements", 0, "kind"], "tip"],
    ["a negative denomination count", ["denominations"], { "2000": -1 }],
    ["a denomination that is not a number", ["denominations"], { twenty: 3 }],
    ["a status of paused", ["status"], "paused"],
  ])("rejects %s", (_label, path, value) => {
    expect(shiftSchema.safeParse(withField(shift, path, value)).success).toBe(false);
  });
});
