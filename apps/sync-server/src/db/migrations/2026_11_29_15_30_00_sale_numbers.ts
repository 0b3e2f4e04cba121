import { sql, type Kysely } from "kysely";

/** Looking a sale up by its receipt number (a refund of a receipt older than the till's window) reads one index entry. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX sales_number_idx ON sales (tenant_id, (doc->>'number'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX sales_number_idx`.execute(db);
}
