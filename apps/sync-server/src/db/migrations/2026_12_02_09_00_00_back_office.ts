import { sql, type Kysely } from "kysely";
import { isolate } from "./2026_11_23_09_00_00_create_core";

/**
 * The back office: product images stored in PostgreSQL under content-addressed names (the SHA-256
 * of their bytes), so every server process serves the same files and a file never changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("media")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id"))
    .addColumn("id", "text", (c) => c.notNull().check(sql`id ~ '^[0-9a-f]{64}$'`))
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("bytes", "bytea", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("media_pkey", ["tenant_id", "id"])
    .execute();
  await isolate(db, "media");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("media").execute();
}
