import { describe, expect, it } from "vitest";
import { changeText, percent } from "./format";

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

  it("writes basis points as a percentage", () => {
    expect(percent(3812)).toBe("38.1 %");
  });
});
