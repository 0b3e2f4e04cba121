import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { duplicateForm, fromForm, toForm } from "./product-form";

const shop = { currency: "EUR", locale: "de-DE", defaultTaxRateId: "reduced" };
// The example's barcode is made up; this one carries a right check digit.
const product = {
  ...examples.products,
  variants: examples.products.variants.map((v, i) => (i === 0 ? { ...v, barcode: "4006381333931" } : v)),
};
const context = { id: product.id, now: new Date("2026-11-29T10:00:00Z"), skusElsewhere: new Set<string>() };

describe("the product form", () => {
  it("shows money in the shop's locale and reads it back unchanged", () => {
    const form = toForm(product, shop);
    expect(form.variants[0]!.price).toBe("12,00");
    const { product: saved } = fromForm(form, product, shop, context);
    expect(saved).toEqual({ ...product, updatedAt: "2026-11-29T10:00:00.000Z" });
  });

  it("names every problem: a missing name, a bad price, a wrong check digit, a SKU another product has", () => {
    const form = toForm(product, shop);
    const broken = {
      ...form,
      name: " ",
      variants: [{ ...form.variants[0]!, price: "zwölf", barcode: "4006381333932", sku: "TAKEN" }],
    };
    const { problems } = fromForm(broken, product, shop, { ...context, skusElsewhere: new Set(["TAKEN"]) });
    expect(problems).toEqual({
      name: "Give the product a name.",
      "variants.0.price": "Enter an amount such as 2,50.",
      "variants.0.barcode": "The check digit of this EAN-13 is wrong: it should end in 1.",
      "variants.0.sku": "Another variant has this SKU.",
    });
  });

  it("duplicates as a draft with new ids and SKUs, and no barcodes", () => {
    const copy = duplicateForm(toForm(product, shop));
    expect(copy).toMatchObject({ name: `${product.name} (copy)`, status: "draft" });
    expect(copy.variants[0]!.id).not.toBe(product.variants[0]!.id);
    expect(copy.variants[0]).toMatchObject({ sku: `${product.variants[0]!.sku}-COPY`, barcode: "" });
  });
});
