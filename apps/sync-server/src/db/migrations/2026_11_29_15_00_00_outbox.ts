import { sql, type Kysely } from "kysely";
import { createRole, isolate } from "./2026_11_23_09_00_00_create_core";

/** The role of the outbox worker: it sees every shop's jobs (and nothing else), to claim what is due. */
export const WORKER_ROLE = "countertop_worker";

/**
 * One durable outbox for every side effect a write causes beyond the database (money back to a
 * card, an email): the job is written in the same transaction as the change that causes it, and a
 * worker carries it out, with retries and backoff, until it succeeds or is dead-lettered. A job's
 * `key` is its identity (one refund per order), and the provider is called with it, so a job done
 * twice is done once. And the test card provider's payments, kept in the database so that a
 * refund works across a restart, as a real provider's would. Receipt emails move into the outbox
 * (`receipt_emails` goes: a till asks again for any receipt it has not heard was sent).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("outbox")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id"))
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status IN ('pending', 'done', 'dead')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("done_at", "timestamptz")
    .addPrimaryKeyConstraint("outbox_pkey", ["tenant_id", "id"])
    .addUniqueConstraint("outbox_key", ["tenant_id", "key"])
    .execute();
  await sql`CREATE INDEX outbox_due_idx ON outbox (next_at) WHERE status = 'pending'`.execute(db);
  await isolate(db, "outbox");
  await createRole(db, WORKER_ROLE);
  await sql.raw(`GRANT USAGE ON SCHEMA public TO ${WORKER_ROLE}`).execute(db);
  await sql.raw(`GRANT SELECT, UPDATE ON outbox TO ${WORKER_ROLE}`).execute(db);
  await sql.raw(`CREATE POLICY worker_claims ON outbox TO ${WORKER_ROLE} USING (true) WITH CHECK (true)`).execute(db);

  await db.schema.dropTable("receipt_emails").ifExists().execute();

  await db.schema
    .createTable("test_card_payments")
    .addColumn("reference", "text", (c) => c.primaryKey())
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("refund_key", "text")
    .addColumn("refund_requests", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("test_card_payments").execute();
  await db.schema.dropTable("outbox").execute();
}
