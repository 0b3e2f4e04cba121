import { describe, expect, it } from "vitest";
import { openTestLocal } from "../testing/test-local";
import type { Cart } from "./cart";
import { loadOpenCart, saveOpenCart } from "./open-cart";

const alex = { id: "staff-alex", name: "Alex Brandt" };
const line = (id: string, qty = 1) => ({
  id,
  variantId: `v-${id}`,
  productId: "p",
  sku: "S",
  name: "Milk",
  qty,
  unitPrice: 129,
  taxRate: 700,
});

describe("the open cart of a register", () => {
  it("is kept per register with whose sale it is, and read back as it was", async () => {
    const local = openTestLocal();
    const cart: Cart = { lines: [line("a", 2), line("b")], customerId: "c1" };
    await saveOpenCart(local, "till-1", cart, alex);
    expect(await loadOpenCart(local, "till-1")).toMatchObject({
      registerId: "till-1",
      cart,
      staffId: "staff-alex",
      staffName: "Alex Brandt",
    });
    expect(await loadOpenCart(local, "till-2")).toBeUndefined();
  });

  it("is gone once the cart is empty: paid, cleared or parked", async () => {
    const local = openTestLocal();
    await saveOpenCart(local, "till-1", { lines: [line("a")] }, alex);
    await saveOpenCart(local, "till-1", { lines: [] }, alex);
    expect(await loadOpenCart(local, "till-1")).toBeUndefined();
    expect(await local.openCarts.count()).toBe(0);
  });

  it("keeps the latest of several quick changes", async () => {
    const local = openTestLocal();
    await Promise.all([1, 2, 3].map((qty) => saveOpenCart(local, "till-1", { lines: [line("a", qty)] }, alex)));
    expect((await loadOpenCart(local, "till-1"))?.cart.lines[0]?.qty).toBe(3);
  });
});
