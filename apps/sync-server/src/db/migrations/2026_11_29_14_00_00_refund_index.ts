import { sql, type Kysely } from "kysely";

/** Refunds are found by the sale they return, to check that a sale's refunds never return more than it sold. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX sales_original_idx ON sales (tenant_id, (doc->>'originalSaleId')) WHERE kind = 'refund'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX sales_original_idx`.execute(db);
}
