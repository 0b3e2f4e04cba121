import { COLLECTIONS, type CollectionName, collectionSchemas, tombstoneFields, tombstoneOf } from "@countertop/sync-protocol";
import { type RxJsonSchema, createRxSchema, defaultHashSha256 } from "rxdb";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toWireDocument } from "../replication/handlers.ts";
import { examples, openTestDatabase } from "../testing/test-database.ts";
import { rxSchemas } from "./rx-schemas.ts";

/**
 * The schemas as installed on devices. RxDB refuses to open an existing database whose collection
 * schema changed without a version bump (error DB6). When this fails: bump the collection's
 * `version`, give `createReplicaDatabase` a migration strategy for it, and record the new hash.
 */
const RECORDED: Record<CollectionName, { version: number; hash: string }> = {
  products: { version: 0, hash: "a18c7a4370302833a5d66066ce0b41c5788330dfc9c7597cc57b1b47d34efba7" },
  categories: { version: 0, hash: "a7ff998ee8642b883f190fa4560e537747a36fe0f788c47785020890f62ea1c7" },
  sales: { version: 0, hash: "13fb7eae59de06ba1f0d71d2ec9e915200cbcf84b80b4058cc39d7b8a9a06aed" },
  stock_movements: { version: 0, hash: "f82adf1d7f2ae5391fdabaedea7bb19ff9dbbbe9039b78723c041e3d72fb7e9b" },
  stock_levels: { version: 0, hash: "e29d52901f93385013ce019bcd989d1130a5d8a6816fb156f508ab4bd6cf8414" },
  shifts: { version: 0, hash: "14d5ada9e30c55d2f0ba4c33582178fe71e00047140116587752e8e1da022701" },
  orders: { version: 0, hash: "23b35bbeb54d481cb4ccad61bc5882cb170a0dce968c49d76d619e9b831d65f3" },
  customers: { version: 0, hash: "a8fd454d16193ceb0543b2a6e5f119e411d13ba8f3bdf1f2707fe1d1bba52334" },
  staff: { version: 0, hash: "741446145b104248b90c99c5a4340f7698f48dc1b34a3ec1ba3ebbf9a6932d54" },
  settings: { version: 0, hash: "06579ff24c1f220c8453cc648f64a0287a842c445c993b72f1a36004d5765cb0" },
  promotions: { version: 0, hash: "298274b6573edd94d99b0b90a097957c22fa7d65288a5ff092ce4d323d1cb9b8" },
  reconciliation: { version: 0, hash: "3432176ba384e3b7fecddb07bb1d931362aad44ae54b9ea4d6aa261554b99b9f" },
};

/** Top-level fields of the zod schema with their JSON Schema type (`input` side: defaults optional). */
function zodFields(name: CollectionName): Record<string, { type?: unknown }> {
  const json = z.toJSONSchema(collectionSchemas[name], { io: "input" }) as { properties: Record<string, { type?: unknown }> };
  return json.properties;
}

describe("rxSchemas", () => {
  it.each(COLLECTIONS)("%s: the example document is stored and read back unchanged (dev-mode)", async (name) => {
    const database = await openTestDatabase([name], { devMode: true });
    expect(database.storage.name).toMatch(/^validate-/);
    const collection = database.collections[name];
    await collection.insert(examples[name] as never);
    const stored = await collection.findOne(examples[name].id).exec();
    expect(stored && toWireDocument(stored.toJSON(true))).toEqual(examples[name]);
  });

  it("keeps fields it doesn't declare, at the top level and nested (a newer server's documents)", async () => {
    const database = await openTestDatabase(["products"], { devMode: true });
    const variants = examples.products.variants.map((variant, index) => (index === 0 ? { ...variant, weightGrams: 350 } : variant));
    const newer = { ...examples.products, badge: { text: "new" }, variants };
    await database.products.insert(newer);
    const stored = await database.products.findOne(newer.id).exec();
    expect(stored && toWireDocument(stored.toJSON(true))).toEqual(newer);
  });

  it("refuses a field of the wrong type in dev-mode", async () => {
    const database = await openTestDatabase(["sales"], { devMode: true });
    await expect(database.sales.insert({ ...examples.sales, total: "21.60" } as never)).rejects.toThrow(/VD2|valid/);
  });

  it("refuses underscore fields, which are RxDB's", async () => {
    const database = await openTestDatabase(["staff"], { devMode: true });
    await expect(database.staff.insert({ ...examples.staff, _seq: "1" } as never)).rejects.toThrow();
  });

  it.each(COLLECTIONS)("%s: declares only fields of the zod schema, with the same JSON type", (name) => {
    const fields = zodFields(name);
    for (const [field, schema] of Object.entries(rxSchemas[name].properties)) {
      expect(fields[field], `${name}.${field} is not in the zod schema`).toBeDefined();
      const zodType = fields[field]?.type;
      // z.literal("shop") and enums carry no `type` in every zod version; only compare when present.
      if (zodType !== undefined) expect(schema.type, `${name}.${field}`).toEqual(zodType);
    }
  });

  it.each(COLLECTIONS)("%s: indexes only declared, bounded fields", (name) => {
    const schema = rxSchemas[name];
    for (const field of (schema.indexes ?? []).flat()) {
      const property = schema.properties[field as keyof typeof schema.properties] as { type?: string; maxLength?: number };
      expect(property, `${name}: index on undeclared ${field}`).toBeDefined();
      expect(property.type, `${name}.${field}`).toBe("string");
      expect(property.maxLength, `${name}.${field} needs maxLength`).toBeGreaterThan(0);
    }
  });

  it("has the recorded version and hash for every collection", async () => {
    const current = Object.fromEntries(
      await Promise.all(
        COLLECTIONS.map(async (name) => {
          const schema = createRxSchema(rxSchemas[name] as RxJsonSchema<unknown>, defaultHashSha256);
          return [name, { version: schema.version, hash: await schema.hash }] as const;
        }),
      ),
    );
    expect(current, "a schema changed: bump its version, add a migration strategy, record the new hash").toEqual(RECORDED);
  });
});

describe("tombstones the server sends for what a client may not see", () => {
  it.each(Object.keys(rxSchemas) as (keyof typeof rxSchemas)[])(
    "%s: carries exactly the fields the replica requires, with no content",
    (name) => {
      const required = (rxSchemas[name].required ?? []).filter((f) => f !== "id");
      expect([...tombstoneFields(name)].sort()).toEqual([...required].sort());
      const tombstone = tombstoneOf(name, "x");
      expect(tombstone).toMatchObject({ id: "x", _deleted: true });
    },
  );
});
