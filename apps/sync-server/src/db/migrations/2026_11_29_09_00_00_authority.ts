import { sql, type Kysely } from "kysely";
import { APP_ROLE, PLATFORM_ROLE, isolate } from "./2026_11_23_09_00_00_create_core";

/**
 * Authority: revocable sign-in sessions for managers and the platform owner, a way to disable a
 * manager, the append-only audit log, idempotency keys that belong to their caller, and stock
 * figures that cannot overflow.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A manager's session: short-lived, checked on every request, revoked by sign-out or when the
  // manager is disabled.
  await db.schema
    .createTable("sessions")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id"))
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("revoked_at", "timestamptz")
    .addPrimaryKeyConstraint("sessions_pkey", ["tenant_id", "id"])
    .addForeignKeyConstraint("sessions_user_fkey", ["tenant_id", "user_id"], "users", ["tenant_id", "id"])
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").columns(["tenant_id", "user_id"]).execute();
  await isolate(db, "sessions");

  await db.schema
    .createTable("platform_sessions")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("platform_users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("revoked_at", "timestamptz")
    .execute();

  await db.schema.alterTable("users").addColumn("disabled_at", "timestamptz").execute();
  await db.schema.alterTable("platform_users").addColumn("disabled_at", "timestamptz").execute();

  // The audit log: one versioned event per row, append-only for everyone (a trigger refuses UPDATE
  // and DELETE whatever the role), readable by the shop's own role and the platform reader.
  await db.schema
    .createTable("audit_log")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id"))
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addColumn("actor_kind", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull().check(sql`outcome IN ('ok', 'refused')`))
    .addColumn("event", "jsonb", (c) => c.notNull())
    .addPrimaryKeyConstraint("audit_log_pkey", ["tenant_id", "id"])
    .execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").columns(["tenant_id", "at"]).execute();
  await sql.raw(`ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY`).execute(db);
  await sql.raw(`ALTER TABLE audit_log FORCE ROW LEVEL SECURITY`).execute(db);
  const tenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";
  await sql.raw(`CREATE POLICY tenant_read ON audit_log FOR SELECT TO ${APP_ROLE} USING (tenant_id = ${tenant})`).execute(db);
  await sql.raw(`CREATE POLICY tenant_append ON audit_log FOR INSERT TO ${APP_ROLE} WITH CHECK (tenant_id = ${tenant})`).execute(db);
  await sql.raw(`CREATE POLICY platform_read ON audit_log FOR SELECT TO ${PLATFORM_ROLE} USING (true)`).execute(db);
  await sql.raw(`GRANT SELECT, INSERT ON audit_log TO ${APP_ROLE}`).execute(db);
  await sql.raw(`GRANT SELECT ON audit_log TO ${PLATFORM_ROLE}`).execute(db);

  // The platform owner's own actions that concern no one shop (their sign-in, say).
  await db.schema
    .createTable("platform_audit_log")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addColumn("actor_kind", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull().check(sql`outcome IN ('ok', 'refused')`))
    .addColumn("event", "jsonb", (c) => c.notNull())
    .execute();
  await sql.raw(`GRANT SELECT ON platform_audit_log TO ${PLATFORM_ROLE}`).execute(db);
  await sql
    .raw(
      `CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$`,
    )
    .execute(db);
  for (const table of ["audit_log", "platform_audit_log"]) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only()`,
      )
      .execute(db);
  }

  // An idempotency key is the caller's: another session reusing it starts its own checkout, and
  // the same key with another body is refused.
  await db.schema
    .alterTable("checkout_requests")
    .addColumn("caller", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("checkout_requests").addColumn("request_hash", "text").execute();
  await db.schema.alterTable("checkout_requests").dropConstraint("checkout_requests_pkey").execute();
  await db.schema
    .alterTable("checkout_requests")
    .addPrimaryKeyConstraint("checkout_requests_pkey", ["tenant_id", "caller", "idempotency_key"])
    .execute();

  // Stock levels are sums of movements: bigint, so no sum of bounded movements can overflow.
  await sql`ALTER TABLE stock_levels ALTER COLUMN on_hand TYPE bigint`.execute(db);
  await sql`ALTER TABLE stock_movements ALTER COLUMN delta TYPE bigint`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE stock_movements ALTER COLUMN delta TYPE integer`.execute(db);
  await sql`ALTER TABLE stock_levels ALTER COLUMN on_hand TYPE integer`.execute(db);
  await db.schema.alterTable("checkout_requests").dropConstraint("checkout_requests_pkey").execute();
  await db.schema.alterTable("checkout_requests").dropColumn("request_hash").dropColumn("caller").execute();
  await db.schema
    .alterTable("checkout_requests")
    .addPrimaryKeyConstraint("checkout_requests_pkey", ["tenant_id", "idempotency_key"])
    .execute();
  await db.schema.dropTable("platform_audit_log").execute();
  await db.schema.dropTable("audit_log").execute();
  await sql`DROP FUNCTION audit_is_append_only()`.execute(db);
  await db.schema.alterTable("platform_users").dropColumn("disabled_at").execute();
  await db.schema.alterTable("users").dropColumn("disabled_at").execute();
  await db.schema.dropTable("platform_sessions").execute();
  await db.schema.dropTable("sessions").execute();
}
