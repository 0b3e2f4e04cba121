import { sql, type Kysely } from "kysely";
import { isolate } from "./2026_11_23_09_00_00_create_core";

/**
 * The outbox of storefront order emails: the confirmation at checkout and one per status change a
 * shopper hears about. One row per order and status, written in the transaction that made the
 * change, so an email goes out once however often the change is pushed, and only if it committed.
 * `link` is the guest's signed order link, kept from checkout for the later emails.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("order_emails")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("order_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`length(status) BETWEEN 1 AND 40`))
    .addColumn("recipient", "text", (c) => c.notNull().check(sql`length(recipient) BETWEEN 3 AND 254`))
    .addColumn("link", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .addPrimaryKeyConstraint("order_emails_pkey", ["tenant_id", "order_id", "status"])
    .execute();
  await db.schema
    .createIndex("order_emails_unsent")
    .on("order_emails")
    .columns(["tenant_id", "created_at"])
    .where(sql.ref("sent_at"), "is", null)
    .execute();
  await isolate(db, "order_emails");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("order_emails").execute();
}
