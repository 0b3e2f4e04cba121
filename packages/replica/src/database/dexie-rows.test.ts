import fc from "fast-check";
import { fromDexieToStorage } from "rxdb/plugins/storage-dexie";
import { describe, expect, it } from "vitest";
import { fromDexieRow, hasKeyPartStartingWith } from "./dexie-rows.ts";

/** Keys as rows may have them, with RxDB's stand-in for "|" ("__") at the start of a key or of a dotted part. */
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("_deleted", "active", "__x", "a.__b", "a.b", "__", "name"));
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("0", "1", true, false, null, 0, 7),
    fc.string({ maxLength: 4 }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(key, tie("value"), { maxKeys: 3 }),
  ),
})).value;
const row = fc.dictionary(key, value, { maxKeys: 6 });
const flags = fc.constantFrom<readonly string[]>([], ["_deleted"], ["_deleted", "active"], ["_deleted", "a.b"]);

describe("a row read from RxDB's Dexie table", () => {
  it("comes out as RxDB's own conversion makes it, for any row and flags", () => {
    fc.assert(
      fc.property(row, flags, (stored, indexed) => {
        const ours = fromDexieRow(indexed, structuredClone(stored));
        expect(ours).toEqual(fromDexieToStorage([...indexed], structuredClone(stored)));
      }),
      { numRuns: 2_000 },
    );
  });

  it("has its flags set in place when no key needs RxDB's copy", () => {
    const stored = { id: "a", _deleted: "0", lines: [{ name: "Tea — loose", qty: 2 }], _meta: { lwt: 1 } };
    const read = fromDexieRow<{ id: string }>(["_deleted"], stored);
    expect(read).toBe(stored);
    expect(read).toEqual({ id: "a", _deleted: false, lines: [{ name: "Tea — loose", qty: 2 }], _meta: { lwt: 1 } });
  });

  it("is copied by RxDB's conversion when a key was stored for a '|' or the row is frozen", () => {
    const piped = { id: "a", _deleted: "1", attributes: { __size: "L" } };
    const read = fromDexieRow<{ id: string }>(["_deleted"], piped);
    expect(read).not.toBe(piped);
    expect(read).toEqual({ id: "a", _deleted: true, attributes: { "|size": "L" } });
    const frozen = Object.freeze({ id: "b", _deleted: "0" });
    expect(fromDexieRow(["_deleted"], frozen)).toEqual({ id: "b", _deleted: false });
  });

  it("finds a key RxDB renames at any depth and in any dotted part, going in ('|') and coming out ('__')", () => {
    expect(hasKeyPartStartingWith({ id: "a", lines: [{ name: "Tea | loose" }] }, "|")).toBe(false);
    expect(hasKeyPartStartingWith({ lines: [{ attributes: { "|size": "L" } }] }, "|")).toBe(true);
    expect(hasKeyPartStartingWith({ "size.|l": 1 }, "|")).toBe(true);
    expect(hasKeyPartStartingWith({ "size.__l": 1 }, "|")).toBe(false);
    expect(hasKeyPartStartingWith({ nested: { "size.__l": 1 } }, "__")).toBe(true);
  });
});
