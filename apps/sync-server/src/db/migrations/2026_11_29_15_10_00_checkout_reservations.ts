import { sql, type Kysely } from "kysely";
import { WORKER_ROLE } from "./2026_11_29_15_00_00_outbox";

/**
 * A checkout in three steps — reserve, pay, confirm — so no shop waits on a payment provider: the
 * idempotency key's row is the reservation while the payment is taken (`state` `reserved`, with the
 * priced order in `draft`, the provider's idempotency key in `payment_key`, and `expires_at`), and
 * the record of the order once confirmed. The worker role lists expired reservations of every shop
 * for the sweep that confirms or releases them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("checkout_requests")
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("confirmed")
        .check(sql`state IN ('reserved', 'confirmed')`),
    )
    .addColumn("draft", "jsonb")
    .addColumn("payment_key", "text")
    .addColumn("expires_at", "timestamptz")
    .execute();
  await sql`CREATE INDEX checkout_requests_reserved_idx ON checkout_requests (expires_at) WHERE state = 'reserved'`.execute(db);
  await sql.raw(`GRANT SELECT ON checkout_requests TO ${WORKER_ROLE}`).execute(db);
  await sql.raw(`CREATE POLICY worker_sweeps ON checkout_requests FOR SELECT TO ${WORKER_ROLE} USING (true)`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP POLICY worker_sweeps ON checkout_requests`).execute(db);
  await sql`DROP INDEX checkout_requests_reserved_idx`.execute(db);
  await db.schema
    .alterTable("checkout_requests")
    .dropColumn("state")
    .dropColumn("draft")
    .dropColumn("payment_key")
    .dropColumn("expires_at")
    .execute();
}
