import { describe, expect, it } from "vitest";
import { collectionSchemas } from "../collections.ts";
import { examples } from "../testing/examples.ts";
import { MAX_PUSH_ROWS } from "./limits.ts";
import { loosePushRequestSchema, pushRequestSchema } from "./push-request.ts";
import { loosePushResponseSchema, pushResponseSchema } from "./push-response.ts";

const product = examples.products;
const renamed = { ...product, name: "Stoneware mug (large)" };

describe("pushRequestSchema", () => {
  const products = pushRequestSchema(collectionSchemas.products);

  it("accepts a new document and an update with the state the client assumed", () => {
    const body = [{ newDocumentState: examples.products }, { assumedMasterState: product, newDocumentState: renamed }];
    expect(products.parse(body)).toEqual(body);
  });

  it("accepts an empty push", () => {
    expect(products.parse([])).toEqual([]);
  });

  it(`accepts ${MAX_PUSH_ROWS} rows and rejects one more`, () => {
    const row = { newDocumentState: { id: "x", _deleted: false } };
    expect(loosePushRequestSchema.safeParse(Array(MAX_PUSH_ROWS).fill(row)).success).toBe(true);
    expect(loosePushRequestSchema.safeParse(Array(MAX_PUSH_ROWS + 1).fill(row)).success).toBe(false);
  });

  it.each([
    ["an object instead of an array", { newDocumentState: product }],
    ["a row without newDocumentState", [{ assumedMasterState: product }]],
    ["an invalid new state", [{ newDocumentState: { ...product, status: "sold" } }]],
    ["an invalid assumed state", [{ assumedMasterState: { ...product, images: "x" }, newDocumentState: product }]],
  ])("rejects %s", (_label, body) => {
    expect(products.safeParse(body).success).toBe(false);
  });

  it("keeps fields of documents it does not know yet", () => {
    const body = [{ newDocumentState: { ...product, seoTitle: "Mugs" } }];
    expect(products.parse(body)).toEqual(body);
  });
});

describe("pushResponseSchema", () => {
  it("accepts no conflicts", () => {
    expect(loosePushResponseSchema.parse([])).toEqual([]);
  });

  it("accepts the server's master documents of the conflicting rows", () => {
    expect(pushResponseSchema(collectionSchemas.products).parse([product])).toEqual([product]);
  });

  it("rejects a conflict that is not a document", () => {
    expect(loosePushResponseSchema.safeParse([{ name: "no id" }]).success).toBe(false);
  });
});
