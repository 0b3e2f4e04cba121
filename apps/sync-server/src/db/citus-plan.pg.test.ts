import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "./database";
import { ENGINES, openTestDatabase } from "../testing/test-database";
import { SHARED_TABLES, citusStatements, distributionProblems, readDistribution, type Distribution } from "./citus-plan";

describe.each(ENGINES)("ready to distribute by tenant_id (Citus), on %s", (engine) => {
  let database: OpenDatabase;
  let schema: Distribution;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    schema = await readDistribution(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("every primary, unique and foreign key of every tenant table leads with tenant_id", () => {
    expect(schema.tenantTables.length).toBeGreaterThan(15);
    expect(schema.keys.filter((k) => k.table === "sales").map((k) => k.kind)).toEqual(expect.arrayContaining(["primary", "foreign"]));
    expect(distributionProblems(schema)).toEqual([]);
  });

  it("the tables without tenant_id are exactly the known shared ones", () => {
    expect([...schema.sharedTables].sort()).toEqual(Object.keys(SHARED_TABLES).sort());
  });

  it("finds what would break distribution", () => {
    const broken: Distribution = {
      tenantTables: ["sales", "notes"],
      sharedTables: ["tenants", "mystery"],
      keys: [
        { table: "notes", name: "notes_pkey", kind: "primary", columns: ["id"] },
        {
          table: "notes",
          name: "notes_sale_fkey",
          kind: "foreign",
          columns: ["tenant_id", "sale_id"],
          references: { table: "sales", columns: ["id"] },
        },
        {
          table: "tenants",
          name: "tenants_x_fkey",
          kind: "foreign",
          columns: ["x"],
          references: { table: "sales", columns: ["tenant_id", "id"] },
        },
      ],
    };
    expect(distributionProblems(broken)).toEqual([
      "mystery has no tenant_id and is not a known shared table",
      "notes.notes_pkey (id) does not lead with tenant_id",
      "notes.notes_sale_fkey references sales without tenant_id",
      "tenants.tenants_x_fkey: a shared table references tenant table sales",
    ]);
  });

  it("prints reference tables first, then every tenant table colocated with the first", () => {
    const statements = citusStatements(schema);
    expect(statements[0]).toMatch(/^SELECT create_reference_table\('\w+'\);$/);
    expect(statements).toContain("SELECT create_reference_table('tenants');");
    expect(statements.filter((s) => s.includes("create_distributed_table"))).toHaveLength(schema.tenantTables.length);
    expect(statements.some((s) => s.includes("kysely_migration"))).toBe(false);
  });
});
