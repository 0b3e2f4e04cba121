import { sql, type Kysely } from "kysely";
import { PLATFORM_ROLE, isolate } from "./2026_11_23_09_00_00_create_core";

/**
 * The platform owner's console: plans with limits and modules (and per-shop overrides), a shop's
 * standing with its reason, closing with a grace period, verified domains, the tills' reported
 * sync status, emailed single-use links, and the figures the console reads — kept up to date at
 * write time by triggers, so that platform-wide queries read one small row per shop and day and
 * never scan sales.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Plans: NULL means no limit. Module names are the server's (src/plans/plan.ts).
  await db.schema.alterTable("plans").addColumn("max_locations", "integer").execute();
  await db.schema.alterTable("plans").addColumn("max_staff", "integer").execute();
  await db.schema.alterTable("plans").addColumn("max_products", "integer").execute();
  await db.schema
    .alterTable("plans")
    .alterColumn("max_registers", (c) => c.dropNotNull())
    .execute();
  await sql`
    UPDATE plans SET
      modules = v.modules::jsonb, max_registers = v.registers, max_locations = v.locations, max_staff = v.staff, max_products = v.products
    FROM (VALUES
      ('starter', '["storefront", "online_orders", "emailed_receipts"]', 2, 1, 5, 250),
      ('growth', '["storefront", "online_orders", "emailed_receipts", "multi_location"]', 10, 3, 25, 5000),
      ('scale', '["storefront", "online_orders", "emailed_receipts", "multi_location"]', 100, 50, 500, 100000)
    ) AS v(id, modules, registers, locations, staff, products)
    WHERE plans.id = v.id
  `.execute(db);

  await db.schema
    .alterTable("tenants")
    .addColumn("plan_overrides", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.alterTable("tenants").addColumn("status_reason", "text").execute();
  await db.schema.alterTable("tenants").addColumn("status_changed_at", "timestamptz").execute();
  await db.schema.alterTable("tenants").addColumn("delete_after", "timestamptz").execute();
  await db.schema.alterTable("tenants").addColumn("domain_verified_at", "timestamptz").execute();
  await sql`ALTER TABLE tenants DROP CONSTRAINT tenants_status_check`.execute(db);
  await sql`ALTER TABLE tenants ADD CONSTRAINT tenants_status_check CHECK (status IN ('active', 'suspended', 'disabled', 'closed', 'deleted'))`.execute(
    db,
  );
  await db.schema.createIndex("tenants_created_idx").on("tenants").column("created_at").execute();

  // The total of what a till reports waiting (its per-collection report is `pending`, and its app
  // version `app_version`, from the till-status migration), for the console's sync backlog.
  await db.schema.alterTable("devices").addColumn("pending_docs", "integer").execute();
  await db.schema.createIndex("devices_last_seen_idx").on("devices").column("last_seen_at").execute();

  // The audit log across shops, newest first.
  await db.schema.createIndex("audit_log_at_all_idx").on("audit_log").column("at").execute();
  await db.schema.createIndex("platform_audit_log_at_idx").on("platform_audit_log").column("at").execute();

  // Emailed single-use links: a password reset or an invitation. Only a hash of the secret is kept.
  await db.schema
    .createTable("platform_links")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose IN ('reset', 'invite')`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("platform_users.id"))
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();
  await db.schema
    .createTable("user_links")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id"))
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose IN ('reset', 'invite')`))
    .addColumn("user_id", "uuid", (c) => c.notNull())
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .addPrimaryKeyConstraint("user_links_pkey", ["tenant_id", "id"])
    .addForeignKeyConstraint("user_links_user_fkey", ["tenant_id", "user_id"], "users", ["tenant_id", "id"])
    .execute();
  await isolate(db, "user_links");

  // Figures per shop and day (UTC), kept by triggers on sales and orders in the writing transaction.
  await db.schema
    .createTable("tenant_daily_stats")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id"))
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("pos_sales", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("pos_gmv", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("pos_refunds", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("pos_refunded", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("online_orders", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("online_gmv", "bigint", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("tenant_daily_stats_pkey", ["tenant_id", "day"])
    .execute();
  await db.schema.createIndex("tenant_daily_stats_day_idx").on("tenant_daily_stats").columns(["day", "tenant_id"]).execute();
  await isolate(db, "tenant_daily_stats");

  // Counters per shop that would otherwise need a scan of JSON documents.
  await db.schema
    .createTable("tenant_counters")
    .addColumn("tenant_id", "uuid", (c) => c.primaryKey().references("tenants.id"))
    .addColumn("open_reconciliation", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await isolate(db, "tenant_counters");

  for (const figures of FIGURES) {
    for (const event of ["insert", "update"] as const) {
      const changed =
        event === "insert"
          ? `SELECT 1 AS sign, ${figures.columns} FROM new_rows WHERE ${figures.where}`
          : `SELECT 1 AS sign, ${figures.columns} FROM new_rows WHERE ${figures.where}
             UNION ALL SELECT -1, ${figures.columns} FROM old_rows WHERE ${figures.where}`;
      await sql
        .raw(
          `CREATE FUNCTION ${figures.table}_figures_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN ${figures.upsert(changed)}; RETURN NULL; END $$`,
        )
        .execute(db);
      const transition = event === "insert" ? "NEW TABLE AS new_rows" : "NEW TABLE AS new_rows OLD TABLE AS old_rows";
      await sql
        .raw(
          `CREATE TRIGGER ${figures.table}_figures_${event} AFTER ${event.toUpperCase()} ON ${figures.table}
             REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION ${figures.table}_figures_${event}()`,
        )
        .execute(db);
    }
  }
  // The console names owners in the audit log and lists them; their password hashes stay unreadable.
  await sql.raw(`GRANT SELECT (id, email, name, created_at, disabled_at) ON platform_users TO ${PLATFORM_ROLE}`).execute(db);
}

/**
 * The figures kept at write time, per table: which rows count (`where`), the columns they are read
 * from, and the upsert that adds the changed rows (`sign` is 1 for a new row, -1 for the row an
 * UPDATE replaced). PostgreSQL allows transition tables only on single-event triggers, so each
 * table gets an INSERT and an UPDATE trigger. Statement-level: a push of 500 sales is one upsert.
 */
const FIGURES: readonly { table: string; columns: string; where: string; upsert: (changed: string) => string }[] = [
  {
    table: "sales",
    columns: "tenant_id, created_at, kind, total",
    where: "NOT deleted",
    upsert: (changed) => `
      INSERT INTO tenant_daily_stats AS s (tenant_id, day, pos_sales, pos_gmv, pos_refunds, pos_refunded)
      SELECT tenant_id, (created_at AT TIME ZONE 'UTC')::date,
             coalesce(sum(sign) FILTER (WHERE kind = 'sale'), 0), coalesce(sum(sign * total) FILTER (WHERE kind = 'sale'), 0),
             coalesce(sum(sign) FILTER (WHERE kind = 'refund'), 0), coalesce(sum(sign * total) FILTER (WHERE kind = 'refund'), 0)
      FROM (${changed}) AS changed
      GROUP BY 1, 2
      ON CONFLICT (tenant_id, day) DO UPDATE SET
        pos_sales = s.pos_sales + excluded.pos_sales, pos_gmv = s.pos_gmv + excluded.pos_gmv,
        pos_refunds = s.pos_refunds + excluded.pos_refunds, pos_refunded = s.pos_refunded + excluded.pos_refunded`,
  },
  {
    table: "orders",
    columns: "tenant_id, created_at, total",
    where: "NOT deleted",
    upsert: (changed) => `
      INSERT INTO tenant_daily_stats AS s (tenant_id, day, online_orders, online_gmv)
      SELECT tenant_id, (created_at AT TIME ZONE 'UTC')::date, sum(sign), sum(sign * total)
      FROM (${changed}) AS changed
      GROUP BY 1, 2
      ON CONFLICT (tenant_id, day) DO UPDATE SET
        online_orders = s.online_orders + excluded.online_orders, online_gmv = s.online_gmv + excluded.online_gmv`,
  },
  {
    table: "reconciliation",
    columns: "tenant_id",
    where: "NOT deleted AND doc->>'status' = 'open'",
    upsert: (changed) => `
      INSERT INTO tenant_counters AS c (tenant_id, open_reconciliation)
      SELECT tenant_id, sum(sign) FROM (${changed}) AS changed
      GROUP BY 1
      ON CONFLICT (tenant_id) DO UPDATE SET open_reconciliation = c.open_reconciliation + excluded.open_reconciliation`,
  },
];

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["sales", "orders", "reconciliation"]) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_figures_insert ON ${table}`).execute(db);
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_figures_update ON ${table}`).execute(db);
  }
  for (const table of ["sales", "orders", "reconciliation"]) {
    await sql.raw(`DROP FUNCTION IF EXISTS ${table}_figures_insert(), ${table}_figures_update()`).execute(db);
  }
  await db.schema.dropTable("tenant_counters").execute();
  await db.schema.dropTable("tenant_daily_stats").execute();
  await db.schema.dropTable("user_links").execute();
  await db.schema.dropTable("platform_links").execute();
}
