import { describe, expect, it } from "vitest";
import { changeText, dayLabel } from "./format";

describe("report wording", () => {
  it.each([
    [112, 100, "up 12 %"],
    [95, 100, "down 5 %"],
    [100, 100, "same"],
    [5, 0, "new"],
    [1000, 999, "up <1 %"],
    [-50, 100, "down 150 %"],
  ])("%d against %d is %s", (now, before, text) => {
    expect(changeText(now, before)).toBe(text);
  });

  it("names a shop's day as toLocaleDateString does, whatever this device's zone", () => {
    expect(dayLabel("2026-11-03", "en-GB")).toBe("3 Nov");
    expect(dayLabel("2026-11-03", "en-GB", { weekday: true })).toBe("Tue 3 Nov");
    expect(dayLabel("2026-11-03", "de-DE")).toBe(
      new Date("2026-11-03T12:00:00Z").toLocaleDateString("de-DE", { day: "numeric", month: "short", timeZone: "UTC" }),
    );
  });
});
