import { afterEach, describe, expect, it, vi } from "vitest";
import { stubLocalStorage } from "../testing/local-storage";
import { localStore } from "./local-store";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("a value a shop keeps in the browser", () => {
  it("is kept under the shop's key and read back", () => {
    const { items } = stubLocalStorage();
    const cart = localStore<string[]>("cart", []);
    cart.write("corner", ["tea"]);
    expect(items.get("countertop.shop.corner.cart")).toBe('["tea"]');
    expect(localStore<string[]>("cart", []).read("corner")).toEqual(["tea"]);
  });

  it("lives on in the tab when the browser won't store it, without an error reaching the page", () => {
    const { items, state } = stubLocalStorage();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const cart = localStore<string[]>("cart", []);
    cart.write("corner", ["tea"]);
    state.full = true;
    expect(() => cart.write("corner", ["tea", "jam"])).not.toThrow();
    expect(cart.read("corner")).toEqual(["tea", "jam"]);
    expect(items.get("countertop.shop.corner.cart")).toBe('["tea"]');
    expect(warn).toHaveBeenCalledOnce();
  });
});
