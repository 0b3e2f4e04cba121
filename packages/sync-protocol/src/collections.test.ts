import { describe, expect, it } from "vitest";
import { COLLECTIONS, isCollectionName } from "./collection-names.ts";
import { collectionSchemas } from "./collections.ts";

describe("collections", () => {
  it("stay within RxDB's free tier of 13 open collections per realm, leaving one spare", () => {
    expect(COLLECTIONS.length).toBeLessThanOrEqual(12);
  });

  it("have a schema each, and nothing more", () => {
    expect(Object.keys(collectionSchemas).sort()).toEqual([...COLLECTIONS].sort());
  });

  it.each(COLLECTIONS)("recognise %s", (name) => {
    expect(isCollectionName(name)).toBe(true);
  });

  it.each(["", "Sales", "sale", "users", "__proto__", "toString", "products/../staff"])("reject %j", (name) => {
    expect(isCollectionName(name)).toBe(false);
  });
});
