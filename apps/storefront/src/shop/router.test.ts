import { afterEach, describe, expect, it } from "vitest";
import { parseRoute, setShopBase, shopHref } from "./router";

describe("shop routes", () => {
  afterEach(() => setShopBase(""));

  it("reads pages under /shop/{slug} on the platform's host", () => {
    setShopBase("/shop/demo");
    expect(shopHref("/cart")).toBe("/shop/demo/cart");
    expect(parseRoute("/shop/demo/", "?category=c1&q=mate")).toEqual({ page: "home", category: "c1", q: "mate" });
    expect(parseRoute("/shop/demo/p/p%201", "")).toEqual({ page: "product", id: "p 1" });
    expect(parseRoute("/shop/demo/order/o1", "")).toEqual({ page: "order", id: "o1" });
    expect(parseRoute("/shop/demo/account", "")).toEqual({ page: "account" });
    expect(parseRoute("/shop/demo/checkout", "")).toEqual({ page: "checkout" });
  });

  it("reads the same pages at the root of a shop's own domain", () => {
    setShopBase("");
    expect(shopHref("/")).toBe("/");
    expect(parseRoute("/p/p1", "")).toEqual({ page: "product", id: "p1" });
    expect(parseRoute("/cart", "")).toEqual({ page: "cart" });
    expect(parseRoute("/", "")).toEqual({ page: "home", category: undefined, q: undefined });
  });
});
