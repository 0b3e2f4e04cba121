import { sql, type Kysely } from "kysely";

/**
 * The keys that sign tokens, kept in the database when `JWT_SECRET` is not set, so every server
 * process on one database signs and accepts the same tokens. The newest unretired key signs; a key
 * being rotated out is still accepted until `retire_at`. Only the server's own connection reads it:
 * no grant to the app, platform or worker roles. And the attempt counters of the rate limits
 * (sign-ins, sign-ups, new shop sessions), shared by every process so that each limit holds across them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("signing_keys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("secret", "text", (c) => c.notNull().check(sql`length(secret) >= 32`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn("retire_at", "timestamptz")
    .execute();
  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("reset_at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("rate_limits").execute();
  await db.schema.dropTable("signing_keys").execute();
}
