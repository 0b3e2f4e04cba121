import { sql, type Kysely } from "kysely";
import { isolate } from "./2026_11_23_09_00_00_create_core";

/**
 * Shoppers' sign-ins, one per email per shop. The profile itself (name, phone, addresses) is the
 * replicated `customers` document with the same id, which the shopper edits through sync.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("shopper_accounts")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull().check(sql`email = lower(email) AND length(email) BETWEEN 3 AND 254`))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("shopper_accounts_pkey", ["tenant_id", "customer_id"])
    .addUniqueConstraint("shopper_accounts_email_key", ["tenant_id", "email"])
    .execute();
  await isolate(db, "shopper_accounts");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("shopper_accounts").execute();
}
