import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysFrom, localHourOf, startOfLocalDay, weekdayOf } from "./local-time.ts";

describe("the shop's calendar", () => {
  it.each([
    ["2026-11-22T23:30:00Z", "Europe/Berlin", { day: "2026-11-23", hour: 0, weekday: 0 }],
    ["2026-11-23T03:59:00Z", "America/New_York", { day: "2026-11-22", hour: 22, weekday: 6 }],
    ["2026-11-23T18:14:00Z", "Asia/Kathmandu", { day: "2026-11-23", hour: 23, weekday: 0 }],
    ["2026-11-23T18:15:00Z", "Asia/Kathmandu", { day: "2026-11-24", hour: 0, weekday: 1 }],
  ])("puts %s in %s on %j", (instant, zone, expected) => {
    expect(localHourOf(instant, zone)).toEqual(expected);
  });

  it("starts a day at the zone's midnight, also on the days the clocks change", () => {
    expect(startOfLocalDay("2026-11-23", "Europe/Berlin").toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfLocalDay("2026-11-23", "Asia/Kathmandu").toISOString()).toBe("2026-11-22T18:15:00.000Z");
  });

  it("the start of a day is in that day, and the moment before it in the day before", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.constantFrom("Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "UTC"),
        (n, zone) => {
          const day = addDays("2025-01-01", n);
          const start = startOfLocalDay(day, zone);
          expect(localHourOf(start, zone).day).toBe(day);
          expect(localHourOf(new Date(start.getTime() - 1), zone).day).toBe(addDays(day, -1));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("counts calendar days", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysFrom("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(daysFrom("2026-01-02", "2026-01-01")).toEqual([]);
    expect(weekdayOf("2026-11-23")).toBe(0);
  });
});
