import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectionPushSchema, collectionSchemas } from "./collections.ts";
import { localeSchema, moneySchema, positiveQuantitySchema, quantitySchema } from "./primitives.ts";
import {
  MAX_DOCUMENT_CHARS,
  MAX_DOCUMENT_DEPTH,
  findUnstorable,
  hasUnstorableText,
  replaceUnstorableDeep,
  replaceUnstorableText,
} from "./storable.ts";
import { examples } from "./testing/examples.ts";

const nested = (depth: number): unknown => (depth === 0 ? "leaf" : { deeper: nested(depth - 1) });

describe("unstorable text", () => {
  it.each([
    ["a NUL", "a\u0000b"],
    ["a lone high surrogate", "x\uD83D"],
    ["a lone low surrogate", "\uDE00y"],
    ["a reversed pair", "\uDE00\uD83D"],
  ])("finds %s", (_label, text) => {
    expect(hasUnstorableText(text)).toBe(true);
    expect(hasUnstorableText(replaceUnstorableText(text))).toBe(false);
  });

  it("leaves ordinary text and real surrogate pairs alone", () => {
    for (const text of ["Café crème", "😀 emoji", "", "日本語"]) {
      expect(hasUnstorableText(text)).toBe(false);
      expect(replaceUnstorableText(text)).toBe(text);
    }
  });

  it("replacing always yields storable text of the same length (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const replaced = replaceUnstorableText(text);
        expect(hasUnstorableText(replaced)).toBe(false);
        expect(replaced).toHaveLength(text.length);
      }),
    );
  });
});

describe("findUnstorable", () => {
  it("names the path of unstorable text in an unknown field or a key", () => {
    expect(findUnstorable({ id: "x", extra: { note: "a\u0000" } })?.path).toEqual(["extra", "note"]);
    expect(findUnstorable({ id: "x", ["bad\u0000key"]: 1 })?.path).toEqual(["bad\u0000key"]);
    expect(findUnstorable({ lines: [{ name: "ok" }, { name: "\uD800" }] })?.path).toEqual(["lines", 1, "name"]);
  });

  it("refuses nesting past the limit and documents past the size limit", () => {
    expect(findUnstorable(nested(MAX_DOCUMENT_DEPTH - 1))).toBeUndefined();
    expect(findUnstorable(nested(MAX_DOCUMENT_DEPTH + 1))?.message).toContain("nests deeper");
    expect(findUnstorable({ blob: "x".repeat(MAX_DOCUMENT_CHARS) })?.message).toContain("larger than");
  });
});

describe("document schemas refuse what the database cannot store", () => {
  it.each(Object.keys(collectionSchemas) as (keyof typeof collectionSchemas)[])(
    "%s: NUL in an unknown field, thousands deep, megabytes large",
    (name) => {
      const schema = collectionSchemas[name];
      const doc = examples[name];
      expect(schema.safeParse(doc).success).toBe(true);
      expect(schema.safeParse({ ...doc, extra: "\u0000" }).success).toBe(false);
      expect(schema.safeParse({ ...doc, extra: nested(5000) }).success).toBe(false);
      expect(schema.safeParse({ ...doc, extra: "x".repeat(3 * 1024 * 1024) }).success).toBe(false);
    },
  );
});

describe("bounds", () => {
  it("keeps money and quantities inside what the database and exact arithmetic hold", () => {
    expect(moneySchema.safeParse(2 ** 53 - 1).success).toBe(false);
    expect(moneySchema.safeParse(-(10 ** 13)).success).toBe(true);
    expect(quantitySchema.safeParse(3_000_000_000).success).toBe(false);
    expect(positiveQuantitySchema.safeParse(1_000_000_000).success).toBe(true);
  });

  it("accepts only locales Intl can format with", () => {
    expect(localeSchema.safeParse("de-DE").success).toBe(true);
    expect(localeSchema.safeParse("fr").success).toBe(true);
    expect(localeSchema.safeParse("xx-abcdefgh-12").success).toBe(false);
    expect(localeSchema.safeParse("en-US-u-ca").success).toBe(false);
  });
});

describe("collectionPushSchema", () => {
  it("refuses one document twice in a push", () => {
    const row = { newDocumentState: examples.sales };
    const parsed = collectionPushSchema("sales").safeParse([row, row]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([1, "newDocumentState", "id"]);
  });

  it("refuses two products sharing a variant id", () => {
    const other = { ...examples.products, id: "another-product" };
    const parsed = collectionPushSchema("products").safeParse([{ newDocumentState: examples.products }, { newDocumentState: other }]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain("is also in product");
  });
});

describe("replaceUnstorableDeep", () => {
  it("replaces in nested values and field names, and says whether it did", () => {
    const { value, replaced } = replaceUnstorableDeep({ a: ["x\u0000"], ["k\uD800"]: { b: "ok" } });
    expect(replaced).toBe(true);
    expect(value).toEqual({ a: ["x\uFFFD"], ["k\uFFFD"]: { b: "ok" } });
    expect(findUnstorable(value)).toBeUndefined();
    expect(replaceUnstorableDeep({ a: "fine" })).toEqual({ value: { a: "fine" }, replaced: false });
  });
});
