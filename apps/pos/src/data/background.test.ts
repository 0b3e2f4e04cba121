import { describe, expect, it } from "vitest";
import { backgroundTurn, inForeground } from "./background";

describe("the till's background work", () => {
  it("waits while a sale is written, and goes on once it is", async () => {
    const order: string[] = [];
    let finish!: () => void;
    const sale = inForeground(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    ).then(() => order.push("sale written"));
    const slice = backgroundTurn().then(() => order.push("slice"));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    finish();
    await Promise.all([sale, slice]);
    expect(order).toEqual(["sale written", "slice"]);
  });

  it("lets a slice run when nothing is in the foreground, and a failed sale doesn't hold it up", async () => {
    await expect(inForeground(() => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
    await expect(backgroundTurn()).resolves.toBeUndefined();
  });
});
