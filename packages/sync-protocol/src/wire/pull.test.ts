import { describe, expect, it } from "vitest";
import { collectionSchemas } from "../collections.ts";
import { examples } from "../testing/examples.ts";
import { checkpointSchema } from "./checkpoint.ts";
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT } from "./limits.ts";
import { pullQuerySchema } from "./pull-query.ts";
import { loosePullResponseSchema, pullResponseSchema } from "./pull-response.ts";

describe("checkpointSchema", () => {
  it.each(["0", "1", "9007199254740993", "9223372036854775807"])("accepts seq %s", (seq) => {
    expect(checkpointSchema.parse({ seq })).toEqual({ seq });
  });

  it.each([1, "", "01", "-1", "1.5", "12a", "1".repeat(20), "9223372036854775808", "9999999999999999999"])("rejects seq %j", (seq) => {
    expect(checkpointSchema.safeParse({ seq }).success).toBe(false);
  });
});

describe("pullQuerySchema", () => {
  it("pulls from the start with the default limit", () => {
    expect(pullQuerySchema.parse({})).toEqual({ limit: DEFAULT_PULL_LIMIT });
  });

  it("coerces the limit of a query string", () => {
    expect(pullQuerySchema.parse({ seq: "42", limit: "250" })).toEqual({ seq: "42", limit: 250 });
  });

  it.each([
    ["a zero limit", { limit: "0" }],
    ["a limit over the maximum", { limit: String(MAX_PULL_LIMIT + 1) }],
    ["a fractional limit", { limit: "2.5" }],
    ["a word for a limit", { limit: "all" }],
    ["an empty limit", { limit: "" }],
    ["a seq that is not digits", { seq: "abc" }],
    ["an empty seq", { seq: "" }],
  ])("rejects %s", (_label, query) => {
    expect(pullQuerySchema.safeParse(query).success).toBe(false);
  });
});

describe("pullResponseSchema", () => {
  const sales = pullResponseSchema(collectionSchemas.sales);

  it("accepts documents with their checkpoint", () => {
    const body = { documents: [examples.sales], checkpoint: { seq: "17" } };
    expect(sales.parse(body)).toEqual(body);
  });

  it("accepts an empty page that echoes the checkpoint", () => {
    expect(sales.safeParse({ documents: [], checkpoint: { seq: "17" } }).success).toBe(true);
  });

  it("checks each document against the collection's schema", () => {
    const bad = { ...examples.sales, total: 21.6 };
    expect(sales.safeParse({ documents: [bad], checkpoint: { seq: "17" } }).success).toBe(false);
    expect(loosePullResponseSchema.safeParse({ documents: [bad], checkpoint: { seq: "17" } }).success).toBe(true);
  });

  it.each([
    ["no checkpoint", { documents: [] }],
    ["a numeric seq", { documents: [], checkpoint: { seq: 17 } }],
    ["a document without id", { documents: [{ _deleted: false }], checkpoint: { seq: "1" } }],
    [
      "too many documents",
      { documents: Array.from({ length: MAX_PULL_LIMIT + 1 }, (_, i) => ({ id: `d${i}`, _deleted: false })), checkpoint: { seq: "1" } },
    ],
  ])("rejects %s", (_label, body) => {
    expect(loosePullResponseSchema.safeParse(body).success).toBe(false);
  });
});
