import { describe, expect, it } from "vitest";
import { formatPendingHeader, parsePendingHeader } from "./headers.ts";

describe("the till status headers", () => {
  it("write and read the documents waiting per collection", () => {
    const pending = { sales: 3, shifts: 0, customers: 12 };
    expect(formatPendingHeader(pending)).toBe("sales=3,shifts=0,customers=12");
    expect(parsePendingHeader(formatPendingHeader(pending))).toEqual(pending);
    expect(parsePendingHeader("")).toEqual({});
  });

  it.each([
    "sales=-1",
    "sales=3;drop",
    "Sales=1",
    "sales=1234567890",
    "sales",
    Array.from({ length: 21 }, (_, i) => `c${"x".repeat(i)}=1`).join(","),
  ])("refuse %j", (value) => {
    expect(parsePendingHeader(value)).toBeUndefined();
  });
});
