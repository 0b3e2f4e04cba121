import { COLLECTIONS, type CollectionName, collectionSchemas } from "@countertop/sync-protocol";
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
  products: { version: 0, hash: "20d9061d78041d4b78cce7b1904dda7b4b460b78b2a10d4459fdaf73eb25b71d" },
  categories: { version: 0, hash: "a7ff998ee8642b883f190fa4560e537747a36fe0f788c47785020890f62ea1c7" },
  sales: { version: 0, hash: "fdd1109c8ec15d05c6649257295c084270a4cf1e6b5f22a3a7eeccc820765318" },
  stock_movements: { version: 0, hash: "cffe95d5286def922cc1f301810ac84177dc5268e0506d569a283083c8f783b2" },
  stock_levels: { version: 0, hash: "e29d52901f93385013ce019bcd989d1130a5d8a6816fb156f508ab4bd6cf8414" },
  shifts: { version: 0, hash: "14d5ada9e30c55d2f0ba4c33582178fe71e00047140116587752e8e1da022701" },
  orders: { version: 0, hash: "7975446296021ca09525abe9fd8004d53528bcc6088afffedf163faf0d127e0e" },
  customers: { version: 0, hash: "93ea8f99f2757e33901f7961152319f6896a932a8a05fe1c367047a9cac24498" },
  staff: { version: 0, hash: "741446145b104248b90c99c5a4340f7698f48dc1b34a3ec1ba3ebbf9a6932d54" },
  settings: { version: 0, hash: "06579ff24c1f220c8453cc648f64a0287a842c445c993b72f1a36004d5765cb0" },
  promotions: { version: 0, hash: "24d28a892ae1f4432adedde8341f8092fe5c8efdf5163d771c17273ae152293b" },
  reconciliation: { version: 0, hash: "b8ef4bea7ed034f4fba606d1afba5e195871c981cf8d2ab0cffa28e5fe390141" },
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
