import { describe, expect, it } from "vitest";
import { useMemoryLocalStorage } from "../testing/test-till";
import { loadParked, parkCart, saveParked, type ParkedCart } from "./parked";

const parked = (id: string): ParkedCart => ({ id, parkedAt: "2026-11-22T10:00:00.000Z", label: `cart ${id}`, cart: { lines: [] } });

describe("parked carts", () => {
  useMemoryLocalStorage();

  it("are kept per till across reloads", () => {
    saveParked("till-a", [parked("1"), parked("2")]);
    expect(loadParked("till-a")).toEqual([parked("1"), parked("2")]);
    expect(loadParked("till-b")).toEqual([]);
  });

  it("read as none when the stored value is unreadable", () => {
    localStorage.setItem("countertop.pos.parked.till-a", "[{broken");
    expect(loadParked("till-a")).toEqual([]);
  });

  it("parks a cart beside the others", () => {
    saveParked("till-a", [parked("1")]);
    parkCart("till-a", parked("2"));
    expect(loadParked("till-a").map((p) => p.id)).toEqual(["1", "2"]);
  });
});
