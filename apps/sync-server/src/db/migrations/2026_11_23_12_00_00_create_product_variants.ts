import { sql, type Kysely } from "kysely";
import { APP_ROLE, PLATFORM_ROLE } from "./2026_11_23_09_00_00_create_core";

/**
 * A lookup of every variant of every product, kept in step with `products` by the server: a sale
 * names variants, and the server must find their stock tracking and catalog price without scanning
 * the catalog's JSON. Also serves barcode and SKU look-ups.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("product_variants")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id"))
    .addColumn("variant_id", "text", (c) => c.notNull())
    .addColumn("product_id", "text", (c) => c.notNull())
    .addColumn("sku", "text", (c) => c.notNull())
    .addColumn("barcode", "text")
    .addColumn("price", "bigint", (c) => c.notNull())
    .addColumn("track_stock", "boolean", (c) => c.notNull())
    .addPrimaryKeyConstraint("product_variants_pkey", ["tenant_id", "variant_id"])
    .execute();
  await db.schema.createIndex("product_variants_product_idx").on("product_variants").columns(["tenant_id", "product_id"]).execute();
  await db.schema.createIndex("product_variants_barcode_idx").on("product_variants").columns(["tenant_id", "barcode"]).execute();
  await sql.raw(`ALTER TABLE product_variants ENABLE ROW LEVEL SECURITY`).execute(db);
  await sql.raw(`ALTER TABLE product_variants FORCE ROW LEVEL SECURITY`).execute(db);
  await sql
    .raw(
      `CREATE POLICY tenant_isolation ON product_variants TO ${APP_ROLE}
         USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
         WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`,
    )
    .execute(db);
  await sql.raw(`CREATE POLICY platform_read ON product_variants FOR SELECT TO ${PLATFORM_ROLE} USING (true)`).execute(db);
  await sql.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON product_variants TO ${APP_ROLE}`).execute(db);
  await sql.raw(`GRANT SELECT ON product_variants TO ${PLATFORM_ROLE}`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("product_variants").ifExists().execute();
}
