import { afterEach, describe, expect, it } from "vitest";
import { catalogHref, parseRoute, setShopBase, shopHref } from "./router";

describe("shop routes", () => {
  afterEach(() => setShopBase(""));

  it("reads pages under /shop/{slug} on the platform's host", () => {
    setShopBase("/shop/demo");
    expect(shopHref("/cart")).toBe("/shop/demo/cart");
    expect(parseRoute("/shop/demo/", "?category=c1&q=mate")).toEqual({ page: "home", category: "c1", q: "mate" });
    expect(parseRoute("/shop/demo/p/p%201", "")).toEqual({ page: "product", id: "p 1" });
    expect(parseRoute("/shop/demo/order/o1", "")).toEqual({ page: "order", id: "o1", key: undefined });
    expect(parseRoute("/shop/demo/order/o1", "?key=abc")).toEqual({ page: "order", id: "o1", key: "abc" });
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

  it("keeps the catalog's search and filters in the address, and reads them back", () => {
    setShopBase("/shop/demo");
    const href = catalogHref("c1", "mate", { max: "4,50", inStock: true });
    expect(href).toBe("/?category=c1&q=mate&max=4%2C50&stock=1");
    const [path, search] = href.split("?");
    expect(parseRoute(`/shop/demo${path}`, `?${search}`)).toEqual({
      page: "home",
      category: "c1",
      q: "mate",
      filters: { max: "4,50", inStock: true },
    });
    expect(catalogHref(undefined, " ", {})).toBe("/");
  });
});
