import { describe, expect, it } from "vitest";
import { readableTextOn } from "./contrast.ts";

describe("readableTextOn", () => {
  it("picks white on dark colours and dark text on light ones", () => {
    expect(readableTextOn("#1f6f5c")).toBe("#ffffff");
    expect(readableTextOn("#000000")).toBe("#ffffff");
    expect(readableTextOn("#e8a33d")).toBe("#1c1f23");
    expect(readableTextOn("#FFFFFF")).toBe("#1c1f23");
  });

  it("falls back to white for values it cannot read", () => {
    expect(readableTextOn("teal")).toBe("#ffffff");
  });
});
