import { sql, type Kysely } from "kysely";

/**
 * Stock counts as of when they were counted: a count may confirm the level (delta 0), and the counts
 * near a movement's time are found by an index of their own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE stock_movements DROP CONSTRAINT IF EXISTS stock_movements_delta_check`.execute(db);
  await sql`ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_delta_check CHECK (delta <> 0 OR reason = 'count')`.execute(db);
  await sql`CREATE INDEX stock_movements_counts_idx ON stock_movements (tenant_id, location_id, variant_id, occurred_at) WHERE reason = 'count'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX stock_movements_counts_idx`.execute(db);
  await sql`ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_delta_check`.execute(db);
  await sql`ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_delta_check CHECK (delta <> 0)`.execute(db);
}
