import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonEqual } from "./json-equal.ts";
import { threeWayMerge } from "./merge.ts";

const RUNS = { numRuns: 300 };
const FIELDS = ["name", "price", "status", "description", "tags"] as const;
const value = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom("a", "b", "c"),
  fc.constant(undefined),
  fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
);
const doc = fc
  .record(Object.fromEntries(FIELDS.map((f) => [f, value])) as Record<(typeof FIELDS)[number], typeof value>)
  .map((d) => ({ id: "p1", ...d }));

describe("jsonEqual", () => {
  it("ignores key order and keys holding undefined", () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
  });

  it("is reflexive and symmetric", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => jsonEqual(a, a) && jsonEqual(a, b) === jsonEqual(b, a)),
      RUNS,
    );
  });

  it("agrees with a JSON round trip", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (a) => jsonEqual(JSON.parse(JSON.stringify(a)), a)),
      RUNS,
    );
  });
});

describe("threeWayMerge", () => {
  it("keeps the server's document when the client changed nothing", () => {
    fc.assert(
      fc.property(
        doc,
        doc,
        (base, theirs) =>
          jsonEqual(threeWayMerge(base, base, theirs).merged, theirs) && threeWayMerge(base, base, theirs).conflicts.length === 0,
      ),
      RUNS,
    );
  });

  it("takes the client's document when the server changed nothing", () => {
    fc.assert(
      fc.property(doc, doc, (base, mine) => jsonEqual(threeWayMerge(base, mine, base).merged, mine)),
      RUNS,
    );
  });

  it("has no conflict when both sides made the same change", () => {
    fc.assert(
      fc.property(
        doc,
        doc,
        (base, both) => threeWayMerge(base, both, both).conflicts.length === 0 && jsonEqual(threeWayMerge(base, both, both).merged, both),
      ),
      RUNS,
    );
  });

  it("takes each field from the side that changed it, and the server's where both did, reporting exactly those", () => {
    fc.assert(
      fc.property(doc, doc, doc, (base, mine, theirs) => {
        const { merged, conflicts } = threeWayMerge(base, mine, theirs);
        for (const f of FIELDS) {
          const changedMine = !jsonEqual(mine[f], base[f]);
          const changedTheirs = !jsonEqual(theirs[f], base[f]);
          const expected = changedMine && !changedTheirs ? mine[f] : theirs[f];
          expect(jsonEqual(merged[f], expected)).toBe(true);
          const clash = changedMine && changedTheirs && !jsonEqual(mine[f], theirs[f]);
          expect(conflicts.some((c) => c === f || c.startsWith(`${f}`))).toBe(clash);
        }
      }),
      RUNS,
    );
  });

  it("merges lists of objects with ids item by item", () => {
    const base = {
      id: "p",
      variants: [
        { id: "v1", price: 100, title: "S" },
        { id: "v2", price: 200, title: "M" },
      ],
    };
    const mine = {
      id: "p",
      variants: [
        { id: "v1", price: 110, title: "S" },
        { id: "v2", price: 200, title: "M" },
        { id: "v3", price: 300, title: "L" },
      ],
    };
    const theirs = {
      id: "p",
      variants: [
        { id: "v1", price: 100, title: "Small" },
        { id: "v2", price: 250, title: "M" },
      ],
    };
    const { merged, conflicts } = threeWayMerge(base, mine, theirs);
    expect(merged.variants).toEqual([
      { id: "v1", price: 110, title: "Small" },
      { id: "v2", price: 250, title: "M" },
      { id: "v3", price: 300, title: "L" },
    ]);
    expect(conflicts).toEqual([]);
  });

  it("reports a list item both sides changed, by its id, and keeps the server's", () => {
    const base = { id: "p", variants: [{ id: "v1", price: 100 }] };
    const { merged, conflicts } = threeWayMerge(
      base,
      { id: "p", variants: [{ id: "v1", price: 110 }] },
      { id: "p", variants: [{ id: "v1", price: 120 }] },
    );
    expect(merged.variants).toEqual([{ id: "v1", price: 120 }]);
    expect(conflicts).toEqual(["variants[v1].price"]);
  });

  it("drops a list item the client removed and the server left alone", () => {
    const base = { id: "p", variants: [{ id: "v1" }, { id: "v2" }] };
    expect(threeWayMerge(base, { id: "p", variants: [{ id: "v1" }] }, base).merged.variants).toEqual([{ id: "v1" }]);
    expect(
      threeWayMerge(base, { id: "p", variants: [{ id: "v1" }] }, { id: "p", variants: [{ id: "v1" }, { id: "v2" }, { id: "v9" }] }).merged
        .variants,
    ).toEqual([{ id: "v1" }, { id: "v9" }]);
  });
});
