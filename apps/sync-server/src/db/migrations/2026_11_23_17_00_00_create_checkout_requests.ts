import { sql, type Kysely } from "kysely";
import { isolate } from "./2026_11_23_09_00_00_create_core";

/**
 * Checkouts by `Idempotency-Key`: the key is taken in the checkout's own transaction, so a double
 * submit waits for the first and then gets its answer; a failed checkout leaves no key behind.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("checkout_requests")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("idempotency_key", "text", (c) => c.notNull().check(sql`length(idempotency_key) BETWEEN 8 AND 200`))
    .addColumn("order_id", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("checkout_requests_pkey", ["tenant_id", "idempotency_key"])
    .execute();
  await isolate(db, "checkout_requests");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("checkout_requests").execute();
}
