import type { Product } from "@countertop/sync-protocol";
import { examples } from "@countertop/sync-protocol/testing";
import { describe, expect, it } from "vitest";
import { untilState } from "../testing/memory";
import { openTestReplica } from "../testing/test-till";
import { SellCatalogStore } from "./catalog-store";

const id = (n: number) => `0193a1b2-0000-7000-8000-${String(n).padStart(12, "0")}`;
const product = (n: number, name: string, status: Product["status"] = "active"): Product => ({
  ...examples.products,
  id: id(n),
  name,
  status,
  variants: [{ id: id(10_000 + n), sku: `SKU-${n}`, title: "Each", price: 100 + n, trackStock: false }],
});

describe("the sell screen's catalog store", () => {
  it("reads every active product of the replica, page after page, in name order, as plain documents", async () => {
    const db = await openTestReplica();
    const names = Array.from({ length: 2_500 }, (_, i) => product(i, `Product ${String(2_500 - i).padStart(4, "0")}`));
    await db.products.bulkInsert([...names, product(9_000, "Archived mug", "archived")]);
    const store = new SellCatalogStore(db);
    store.start();
    const { index } = await untilState(store, (s) => s.loaded);
    expect(index.products).toHaveLength(2_500);
    expect(index.products[0]!.name).toBe("Product 0001");
    expect(index.products.at(-1)!.name).toBe("Product 2500");
    expect(index.products.some((p) => p.name === "Archived mug")).toBe(false);
    expect(Object.keys(index.products[0]!).filter((k) => k.startsWith("_") && k !== "_deleted")).toEqual([]);
    expect(index.filter("sku-17", undefined).map((p) => p.name)).toContain("Product 2483");
  });

  it("has the first screenful in name order before the whole catalog is read", async () => {
    const db = await openTestReplica();
    const names = Array.from({ length: 2_500 }, (_, i) => product(i, `Product ${String(2_500 - i).padStart(4, "0")}`));
    await db.products.bulkInsert([product(9_000, "Aaa archived", "archived"), ...names]);
    const store = new SellCatalogStore(db);
    store.start();
    const first = await untilState(store, (s) => s.index.products.length > 0);
    expect(first.loaded).toBe(false);
    expect(first.index.products.map((p) => p.name).slice(0, 3)).toEqual(["Product 0001", "Product 0002", "Product 0003"]);
    expect(first.index.products.length).toBeLessThan(2_500);
    expect((await untilState(store, (s) => s.loaded)).index.products).toHaveLength(2_500);
  });

  it("follows the replica: a new product, a renamed one and one taken off sale", async () => {
    const db = await openTestReplica();
    await db.products.bulkInsert([product(1, "Apple"), product(2, "Banana")]);
    const store = new SellCatalogStore(db);
    store.start();
    await untilState(store, (s) => s.loaded);
    await db.products.insert(product(3, "Cherry"));
    await (await db.products.findOne(id(1)).exec())!.incrementalPatch({ name: "Zucchini" });
    await (await db.products.findOne(id(2)).exec())!.incrementalPatch({ status: "archived" });
    const { index } = await untilState(store, (s) => s.index.products.length === 2 && s.index.products[1]!.name === "Zucchini");
    expect(index.products.map((p) => p.name)).toEqual(["Cherry", "Zucchini"]);
    expect(index.byCode.get("sku-2")).toBeUndefined();
  });
});
