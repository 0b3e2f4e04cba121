import { describe, expect, it } from "vitest";
import { openingLines, todayLine } from "./opening-hours.ts";

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "07:30", closes: "19:00" }));

describe("openingLines", () => {
  it("puts days with the same hours on one line and says which are closed", () => {
    expect(openingLines([...weekdays, { weekday: 6, opens: "08:00", closes: "16:00" }], "en-GB")).toEqual([
      { days: "Mon – Fri", hours: "7:30 – 19:00" },
      { days: "Sat", hours: "8:00 – 16:00" },
      { days: "Sun", hours: undefined },
    ]);
  });

  it("writes days and times in the shop's locale, split days in order", () => {
    const lines = openingLines(
      [
        { weekday: 1, opens: "14:00", closes: "18:00" },
        { weekday: 1, opens: "09:00", closes: "12:30" },
      ],
      "de-DE",
    );
    expect(lines[0]).toEqual({ days: "Mo", hours: "9:00 – 12:30, 14:00 – 18:00" });
    expect(lines[1]).toEqual({ days: "Di – So", hours: undefined });
    expect(openingLines(weekdays, "en-US")[0]!.hours).toBe("7:30 AM – 7:00 PM");
  });

  it("is one closed week for no hours", () => {
    expect(openingLines([], "en-GB")).toEqual([{ days: "Mon – Sun", hours: undefined }]);
  });
});

describe("today's line", () => {
  const week = [
    { weekday: 1, opens: "08:00", closes: "18:00" },
    { weekday: 6, opens: "09:00", closes: "12:00" },
    { weekday: 6, opens: "13:00", closes: "16:00" },
  ];
  it("says the hours of the reader's weekday, or that the shop is closed, or nothing without hours", () => {
    expect(todayLine(week, 1, "en-GB")).toBe("Open today 8:00 – 18:00");
    expect(todayLine(week, 6, "en-GB")).toBe("Open today 9:00 – 12:00, 13:00 – 16:00");
    expect(todayLine(week, 7, "en-GB")).toBe("Closed today");
    expect(todayLine([], 1, "en-GB")).toBeUndefined();
    expect(todayLine(undefined, 1, "en-GB")).toBeUndefined();
  });
});
