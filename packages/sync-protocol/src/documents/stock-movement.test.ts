import { describe, expect, it } from "vitest";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { stockMovementSchema } from "./stock-movement.ts";

const movement = examples.stock_movements;

describe("stockMovementSchema", () => {
  it("accepts a received delivery with a note", () => {
    const receive = { ...movement, id: "m-1", delta: 24, reason: "receive", refId: undefined, note: "PO 118" };
    expect(stockMovementSchema.safeParse(receive).success).toBe(true);
  });

  it.each(["locationId", "variantId", "delta", "reason", "occurredAt"])("rejects a movement without %s", (key) => {
    expect(stockMovementSchema.safeParse(without(movement, [key])).success).toBe(false);
  });

  it.each<[string, string, unknown]>([
    ["a zero delta", "delta", 0],
    ["a fractional delta", "delta", -0.5],
    ["an unknown reason", "reason", "theft"],
    ["a note over 2000 characters", "note", "x".repeat(2001)],
    ["a local time", "occurredAt", "2026-11-22 10:15"],
  ])("rejects %s", (_label, key, value) => {
    expect(stockMovementSchema.safeParse(withField(movement, [key], value)).success).toBe(false);
  });
});
