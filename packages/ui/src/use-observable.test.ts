import { describe, expect, it } from "vitest";
import { plain } from "./use-observable.ts";

const doc = <T>(data: T) => ({ toJSON: () => data });

describe("plain", () => {
  it("copies each document to its plain data, in order", () => {
    expect(plain<{ id: string }>([doc({ id: "a" }), doc({ id: "b" })])).toEqual([{ id: "a" }, { id: "b" }]);
  });

  it("is empty before the first result", () => {
    expect(plain(undefined)).toEqual([]);
  });
});
