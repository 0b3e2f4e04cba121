import { describe, expect, it } from "vitest";
import { collectionSchemas } from "../collections.ts";
import { examples } from "../testing/examples.ts";
import { RESYNC, looseStreamEventSchema, streamEventSchema } from "./stream-event.ts";

describe("streamEventSchema", () => {
  const orders = streamEventSchema(collectionSchemas.orders);

  it("accepts RESYNC as JSON-encoded in the event data", () => {
    expect(orders.parse(JSON.parse('"RESYNC"'))).toBe(RESYNC);
  });

  it("accepts new documents with their checkpoint", () => {
    const event = { documents: [examples.orders], checkpoint: { seq: "99" } };
    expect(orders.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it.each([
    ["another string", "resync"],
    ["an empty object", {}],
    ["an invalid document", { documents: [{ ...examples.orders, status: "lost" }], checkpoint: { seq: "1" } }],
  ])("rejects %s", (_label, event) => {
    expect(orders.safeParse(event).success).toBe(false);
  });

  it("lets the loose version carry any collection", () => {
    const event = { documents: [examples.staff, examples.settings], checkpoint: { seq: "3" } };
    expect(looseStreamEventSchema.safeParse(event).success).toBe(true);
  });
});
