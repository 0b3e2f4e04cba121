import { describe, expect, it } from "vitest";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { productSchema } from "./product.ts";

const product = examples.products;

describe("productSchema", () => {
  it.each(["name", "status", "taxRateId", "images", "variants", "updatedAt"])("rejects a product without %s", (key) => {
    expect(productSchema.safeParse(without(product, [key])).success).toBe(false);
  });

  it.each(["id", "sku", "title", "price", "trackStock"])("rejects a variant without %s", (key) => {
    expect(productSchema.safeParse(without(product, ["variants", 0, key])).success).toBe(false);
  });

  it.each<[string, (string | number)[], unknown]>([
    ["a fractional price", ["variants", 0, "price"], 12.99],
    ["a negative price", ["variants", 0, "price"], -1],
    ["a negative cost", ["variants", 0, "cost"], -450],
    ["a price as a string", ["variants", 0, "price"], "1200"],
    ["trackStock as a string", ["variants", 0, "trackStock"], "yes"],
    ["an unknown status", ["status"], "hidden"],
    ["no variants", ["variants"], []],
    ["two variants with one id", ["variants"], [product.variants[0], product.variants[0]]],
    ["an empty name", ["name"], ""],
    ["a name over 200 characters", ["name"], "x".repeat(201)],
    ["an image that is not a string", ["images"], [42]],
    ["21 images", ["images"], Array.from({ length: 21 }, (_, i) => `/media/${i}.webp`)],
  ])("rejects %s", (_label, path, value) => {
    expect(productSchema.safeParse(withField(product, path, value)).success).toBe(false);
  });

  it("keeps unknown variant fields", () => {
    const value = withField(product, ["variants", 0, "weightGrams"], 350);
    expect(productSchema.parse(value)).toEqual(value);
  });
});
