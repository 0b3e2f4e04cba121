import type { Kysely } from "kysely";

/**
 * Each till's last reported status (DESIGN: server-only, read over REST): when its last sync went
 * through, how many documents of each collection it still held unsent, and its app version, as it
 * said in the headers of its sync calls, and when it said so. `last_seen_at` (from the first
 * migration) is now kept too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("devices")
    .addColumn("last_sync_at", "timestamptz")
    .addColumn("pending", "jsonb")
    .addColumn("app_version", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("devices").dropColumn("last_sync_at").dropColumn("pending").dropColumn("app_version").execute();
}
