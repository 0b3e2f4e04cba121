import { sql, type Kysely } from "kysely";

/**
 * Orders are counted by the coupon they carry, to hold a coupon to its usage limit at checkout
 * (codes compared upper-case, as the shop's promotions hold them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX orders_coupon_idx ON orders (tenant_id, (upper(doc->>'couponCode'))) WHERE doc->>'couponCode' IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX orders_coupon_idx`.execute(db);
}
