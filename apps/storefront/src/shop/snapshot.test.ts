import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { readSnapshot } from "./snapshot";

/** A page holding `text` in its snapshot element (or none). */
const pageWith = (text: string | undefined) =>
  ({
    getElementById: (id: string) => (id === "shop-snapshot" && text !== undefined ? { textContent: text } : null),
  }) as unknown as Document;

describe("the catalog the server put in the page", () => {
  const settings = { ...examples.settings, locations: examples.settings.locations.slice(0, 1) };
  const location = settings.locations[0]!.id;
  const mug = examples.products;
  const [blue] = mug.variants.map((v) => v.id) as [string];
  const snapshot = {
    products: [mug],
    categories: [
      { ...examples.categories, id: "b", position: 2 },
      { ...examples.categories, id: "a", position: 1 },
    ],
    settings,
    promotions: [],
    stockLevels: [
      { ...examples.stock_levels, id: `${location}:${blue}`, locationId: location, variantId: blue, onHand: 3 },
      { ...examples.stock_levels, id: `elsewhere:${blue}`, locationId: "elsewhere", variantId: blue, onHand: 50 },
    ],
    complete: true,
  };

  it("reads as the pages read the replica: categories in order, stock at the shop's first location", () => {
    // As the server writes it: `<` escaped, which JSON.parse reads back.
    const read = readSnapshot(pageWith(JSON.stringify(snapshot).replace(/</g, "\\u003c")))!;
    expect(read.complete).toBe(true);
    expect(read.data.loaded).toBe(true);
    expect(read.data.products.map((p) => p.id)).toEqual([mug.id]);
    expect(read.data.categories.map((c) => c.id)).toEqual(["a", "b"]);
    expect(read.data.stock.get(blue)).toBe(3);
    expect(read.data.settings?.shopName).toBe(settings.shopName);
  });

  it("is none on a page without one (the service worker's shell) or with one that does not parse", () => {
    expect(readSnapshot(pageWith(undefined))).toBeUndefined();
    expect(readSnapshot(pageWith("{not json"))).toBeUndefined();
  });
});
