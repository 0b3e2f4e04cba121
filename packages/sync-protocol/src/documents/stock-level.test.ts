import { describe, expect, it } from "vitest";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { stockLevelId, stockLevelSchema } from "./stock-level.ts";

const level = examples.stock_levels;

describe("stockLevelSchema", () => {
  it("builds ids as {locationId}:{variantId}", () => {
    expect(stockLevelId("loc", "var")).toBe("loc:var");
  });

  it("accepts a negative level after an offline oversell", () => {
    expect(stockLevelSchema.parse(level).onHand).toBe(-1);
  });

  it.each(["locationId", "variantId", "onHand", "updatedAt"])("rejects a level without %s", (key) => {
    expect(stockLevelSchema.safeParse(without(level, [key])).success).toBe(false);
  });

  it.each<[string, string, unknown]>([
    ["an id that is not {locationId}:{variantId}", "id", "0193a1b2-0000-7000-8000-000000000007"],
    ["a fractional level", "onHand", 2.5],
    ["a level as a string", "onHand", "3"],
  ])("rejects %s", (_label, key, value) => {
    expect(stockLevelSchema.safeParse(withField(level, [key], value)).success).toBe(false);
  });
});
