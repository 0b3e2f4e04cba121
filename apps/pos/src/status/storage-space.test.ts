import { describe, expect, it } from "vitest";
import { isLowOnSpace, LOW_SPACE_BYTES, megabytes, spaceLeft } from "./storage-space";

const MB = 1024 * 1024;

describe("the room the browser gives the till", () => {
  it("is the quota less what the till uses, never below nothing, unknown when the browser does not say", () => {
    expect(spaceLeft({ quota: 500 * MB, usage: 120 * MB })).toBe(380 * MB);
    expect(spaceLeft({ quota: 10 * MB, usage: 12 * MB })).toBe(0);
    expect(spaceLeft({ usage: 12 * MB })).toBeUndefined();
    expect(spaceLeft({})).toBeUndefined();
  });

  it("warns below its margin, and says whole megabytes rounded down", () => {
    expect(isLowOnSpace(LOW_SPACE_BYTES)).toBe(false);
    expect(isLowOnSpace(LOW_SPACE_BYTES - 1)).toBe(true);
    expect(megabytes(12 * MB + MB - 1)).toBe(12);
    expect(megabytes(0)).toBe(0);
  });
});
