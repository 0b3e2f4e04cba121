import { sql, type Kysely } from "kysely";
import { isolate } from "./2026_11_23_09_00_00_create_core";

/**
 * The outbox of receipts a customer asked to get by email at the till. One row per sale and
 * recipient, so a till that retries (it queues while offline) never sends twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("receipt_emails")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("sale_id", "text", (c) => c.notNull())
    .addColumn("recipient", "text", (c) => c.notNull().check(sql`length(recipient) BETWEEN 3 AND 254`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("queued")
        .check(sql`status IN ('queued', 'sent')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .addPrimaryKeyConstraint("receipt_emails_pkey", ["tenant_id", "id"])
    .addUniqueConstraint("receipt_emails_sale_recipient_key", ["tenant_id", "sale_id", "recipient"])
    .execute();
  await isolate(db, "receipt_emails");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("receipt_emails").execute();
}
