import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BURST_PAUSE_MS, MIN_CODE_LENGTH, readWedgeKey, SCANNER_AVERAGE_MS, WEDGE_IDLE, type WedgeStep } from "./barcode-wedge";

/** Types `keys` (then Enter) with the given gaps in ms, starting long after any earlier key; returns every step. */
function type(keys: readonly string[], gaps: readonly number[], start = 10_000): WedgeStep[] {
  let state = WEDGE_IDLE;
  let at = start;
  const steps: WedgeStep[] = [];
  [...keys, "Enter"].forEach((key, i) => {
    if (i > 0) at += gaps[(i - 1) % gaps.length]!;
    const step = readWedgeKey(state, { key, at, modified: false });
    state = step.state;
    steps.push(step);
  });
  return steps;
}
const scanOf = (keys: string, gaps: readonly number[]) => type([...keys], gaps).at(-1)!.scan;

describe("readWedgeKey", () => {
  it("reads a scanner's burst ending in Enter as a scan", () => {
    expect(scanOf("4006381333931", [8])).toBe("4006381333931");
  });

  it("ignores a person typing, however long the text", () => {
    expect(scanOf("4006381333931", [120])).toBeUndefined();
  });

  it("tolerates one delayed key when the average stays fast", () => {
    expect(scanOf("40063813", [10, 10, 10, 100, 10, 10, 10])).toBe("40063813");
  });

  it("starts over after a pause, so only the burst after it counts", () => {
    expect(scanOf("ab1234", [10, BURST_PAUSE_MS + 1, 10, 10, 10, 10])).toBe("1234");
    expect(scanOf("12345", [10, 10, 10, BURST_PAUSE_MS + 1, 10])).toBeUndefined();
  });

  it("needs a few characters and an Enter that follows at once", () => {
    expect(scanOf("123", [5])).toBeUndefined();
    expect(scanOf("1234", [5, 5, 5, BURST_PAUSE_MS + 1])).toBeUndefined();
  });

  it("says when a burst starts, so the hook can remember the field's value before it", () => {
    expect(type([..."1234"], [5]).map((s) => s.burstStarted)).toEqual([true, false, false, false, false]);
  });

  it("lets keys that type nothing pass without breaking the burst", () => {
    let state = WEDGE_IDLE;
    const keys: [string, boolean][] = [
      ["1", false],
      ["Shift", false],
      ["2", false],
      ["c", true],
      ["3", false],
      ["4", false],
      ["Enter", false],
    ];
    let last: WedgeStep | undefined;
    keys.forEach(([key, modified], i) => {
      last = readWedgeKey(state, { key, at: 5_000 + i * 5, modified });
      state = last.state;
    });
    expect(last?.scan).toBe("1234");
  });

  it("reads any code typed at scanner speed, and nothing typed at a person's", () => {
    const code = fc.stringMatching(/^[0-9A-Za-z-]+$/).filter((s) => s.length >= MIN_CODE_LENGTH && s.length <= 40);
    fc.assert(
      fc.property(code, fc.array(fc.integer({ min: 0, max: SCANNER_AVERAGE_MS }), { minLength: 1 }), (text, gaps) => {
        expect(scanOf(text, gaps)).toBe(text);
      }),
    );
    fc.assert(
      fc.property(code, fc.array(fc.integer({ min: 80, max: 250 }), { minLength: 1 }), (text, gaps) => {
        expect(scanOf(text, gaps)).toBeUndefined();
      }),
    );
  });
});
