import { afterEach, describe, expect, it } from "vitest";
import { SHOP_CATALOG_PAGE } from "@countertop/sync-protocol/client";
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

  it("keeps how many cards were shown, in whole pages, and leaves the first page out of the address", () => {
    expect(catalogHref(undefined, "", {}, SHOP_CATALOG_PAGE)).toBe("/");
    expect(catalogHref("c1", "", {}, 2 * SHOP_CATALOG_PAGE)).toBe(`/?category=c1&show=${2 * SHOP_CATALOG_PAGE}`);
    expect(parseRoute("/", `?show=${3 * SHOP_CATALOG_PAGE}`)).toMatchObject({ page: "home", shown: 3 * SHOP_CATALOG_PAGE });
    // A count between pages rounds up to the page it falls in; nonsense is the first page.
    expect(parseRoute("/", `?show=${SHOP_CATALOG_PAGE + 1}`)).toMatchObject({ shown: 2 * SHOP_CATALOG_PAGE });
    expect(parseRoute("/", "?show=999999")).toMatchObject({ shown: 40 * SHOP_CATALOG_PAGE });
    for (const junk of ["", "abc", "-5", "1e400", "0", "2.5"]) expect(parseRoute("/", `?show=${junk}`)).not.toHaveProperty("shown");
  });
});
