import { describe, expect, it } from "vitest";
import { COLLECTIONS } from "../collection-names.ts";
import { collectionSchemas } from "../collections.ts";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { replicatedDocumentSchema } from "./replicated-document.ts";

// What every document of every collection must do; per-collection rules are in each *.test.ts.
describe.each(COLLECTIONS)("%s documents", (name) => {
  const schema = collectionSchemas[name];
  const example = examples[name];

  it("accept the realistic example unchanged", () => {
    expect(schema.parse(example)).toEqual(example);
  });

  it("keep unknown fields so older peers pass new ones through", () => {
    const future = { ...example, addedInV2: { nested: [1, 2] } };
    expect(schema.parse(future)).toEqual(future);
  });

  it("accept a tombstone", () => {
    expect(schema.safeParse({ ...example, _deleted: true }).success).toBe(true);
  });

  it.each([
    ["no id", without(example, ["id"])],
    ["an empty id", withField(example, ["id"], "")],
    ["an id over 100 characters", withField(example, ["id"], "x".repeat(101))],
    ["a numeric id", withField(example, ["id"], 42)],
    ["no _deleted", without(example, ["_deleted"])],
    ["a string _deleted", withField(example, ["_deleted"], "false")],
    ["null", null],
    ["an array", [example]],
  ])("reject %s", (_label, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });

  it("pass the generic document schema", () => {
    expect(replicatedDocumentSchema.safeParse(example).success).toBe(true);
  });
});
