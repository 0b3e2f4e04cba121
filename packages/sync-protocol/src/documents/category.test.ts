import { describe, expect, it } from "vitest";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { categorySchema } from "./category.ts";

const category = examples.categories;

describe("categorySchema", () => {
  it("accepts a sub-category", () => {
    expect(categorySchema.safeParse({ ...category, id: "mugs", parentId: category.id }).success).toBe(true);
  });

  it.each(["name", "position", "updatedAt"])("rejects a category without %s", (key) => {
    expect(categorySchema.safeParse(without(category, [key])).success).toBe(false);
  });

  it.each<[string, string, unknown]>([
    ["a fractional position", "position", 1.5],
    ["a colour name", "color", "teal"],
    ["an empty name", "name", ""],
    ["a parentId that is a number", "parentId", 5],
  ])("rejects %s", (_label, key, value) => {
    expect(categorySchema.safeParse(withField(category, [key], value)).success).toBe(false);
  });
});
