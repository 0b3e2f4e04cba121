import { sql, type Kysely } from "kysely";
import { isolate } from "./2026_11_23_09_00_00_create_core";

/**
 * The history of prices and promotions, by the `seq` of the write that set them, so a sale is
 * re-priced against the catalog the till had when it sold (its `catalogSeq`), not today's. Backfilled
 * with today's prices and promotions at their current `seq`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("catalog_history")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('price', 'promotion')`))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("value", "jsonb", (c) => c.notNull())
    .addPrimaryKeyConstraint("catalog_history_pkey", ["tenant_id", "kind", "key", "seq"])
    .execute();
  await isolate(db, "catalog_history");
  await sql`
    INSERT INTO catalog_history (tenant_id, kind, key, seq, value)
    SELECT v.tenant_id, 'price', v.variant_id, p.seq, to_jsonb(v.price)
      FROM product_variants v JOIN products p ON p.tenant_id = v.tenant_id AND p.id = v.product_id
  `.execute(db);
  await sql`
    INSERT INTO catalog_history (tenant_id, kind, key, seq, value)
    SELECT tenant_id, 'promotion', id, seq, doc FROM promotions
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("catalog_history").execute();
}
