import { examples } from "@countertop/sync-protocol/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubLocalStorage } from "../testing/local-storage";
import { loadOrders, saveOrder } from "./orders";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the orders this browser placed", () => {
  it("keeps each newest first, once, with its link key", () => {
    stubLocalStorage();
    const first = { ...examples.orders, id: "order-1" };
    const second = { ...examples.orders, id: "order-2" };
    saveOrder("corner", first);
    saveOrder("corner", second, "k2");
    saveOrder("corner", first);
    expect(loadOrders("corner").map((o) => [o.id, o.linkKey])).toEqual([
      ["order-1", undefined],
      ["order-2", "k2"],
    ]);
  });

  it("does not fail a placed order's checkout when the browser won't keep it", () => {
    const { state } = stubLocalStorage();
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    state.full = true;
    expect(() => saveOrder("corner", examples.orders, "k")).not.toThrow();
    expect(loadOrders("corner")).toEqual([]);
  });
});
