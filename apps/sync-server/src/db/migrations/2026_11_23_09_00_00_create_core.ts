import { sql, type Kysely } from "kysely";

/**
 * The core schema: plans, tenants, people, devices and one table per replicated collection.
 *
 * Every tenant-owned table leads its keys with tenant_id (ready for Citus
 * `create_distributed_table(…, 'tenant_id')`), and has row-level security ENABLE + FORCE with
 * the policy `tenant_id = app.tenant_id`. The app role is not the owner and has no BYPASSRLS; the
 * platform role may only read across tenants. Valid on PostgreSQL 15 and on PGlite.
 */

export const APP_ROLE = "countertop_app";
export const PLATFORM_ROLE = "countertop_platform";

/** The tenant of the current transaction; NULL (matching no row) when unset or reset to ''. */
const TENANT_SETTING = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

/** Collections whose table holds nothing but the replicated document. */
const PLAIN_COLLECTIONS = ["products", "categories", "shifts", "staff", "settings", "promotions", "reconciliation"] as const;

export async function createRole(db: Kysely<unknown>, role: string): Promise<void> {
  // Roles are cluster-wide: several databases (tests, tenants' staging copies) share one.
  await sql
    .raw(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
           CREATE ROLE ${role} NOLOGIN NOBYPASSRLS;
         END IF;
       END $$`,
    )
    .execute(db);
  // PostgreSQL 15 does not make the creator a member: we need membership to SET ROLE.
  await sql.raw(`GRANT ${role} TO CURRENT_USER`).execute(db);
}

/** Row-level security ENABLE + FORCE with the tenant policy, and the two roles' grants. */
export async function isolate(db: Kysely<unknown>, table: string, column = "tenant_id"): Promise<void> {
  await sql.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`).execute(db);
  await sql.raw(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`).execute(db);
  await sql
    .raw(
      `CREATE POLICY tenant_isolation ON ${table} TO ${APP_ROLE} USING (${column} = ${TENANT_SETTING}) WITH CHECK (${column} = ${TENANT_SETTING})`,
    )
    .execute(db);
  await sql.raw(`CREATE POLICY platform_read ON ${table} FOR SELECT TO ${PLATFORM_ROLE} USING (true)`).execute(db);
  await sql.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`).execute(db);
  await sql.raw(`GRANT SELECT ON ${table} TO ${PLATFORM_ROLE}`).execute(db);
}

/** The columns every replicated collection table starts with. */
function documentTable(db: Kysely<unknown>, table: string) {
  return db.schema
    .createTable(table)
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id"))
    .addColumn("id", "text", (c) => c.notNull().check(sql`length(id) BETWEEN 1 AND 200`))
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("deleted", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("doc", "jsonb", (c) => c.notNull())
    .addColumn("server_updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint(`${table}_pkey`, ["tenant_id", "id"]);
}

async function seqIndex(db: Kysely<unknown>, table: string): Promise<void> {
  await db.schema.createIndex(`${table}_seq_idx`).on(table).columns(["tenant_id", "seq"]).execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createRole(db, APP_ROLE);
  await createRole(db, PLATFORM_ROLE);
  await sql.raw(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}, ${PLATFORM_ROLE}`).execute(db);

  await db.schema
    .createTable("plans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("modules", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("max_registers", "integer", (c) => c.notNull())
    .execute();
  await sql.raw(`GRANT SELECT ON plans TO ${APP_ROLE}, ${PLATFORM_ROLE}`).execute(db);
  await sql`
    INSERT INTO plans (id, name, modules, max_registers) VALUES
      ('starter', 'Starter', '["pos", "storefront"]', 2),
      ('growth', 'Growth', '["pos", "storefront", "promotions", "customers"]', 10),
      ('scale', 'Scale', '["pos", "storefront", "promotions", "customers", "multi_location"]', 100)
  `.execute(db);

  await db.schema
    .createTable("tenants")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) =>
      c
        .notNull()
        .unique()
        .check(sql`slug ~ '^[a-z0-9][a-z0-9-]{1,40}$'`),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull().check(sql`currency ~ '^[A-Z]{3}$'`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("active")
        .check(sql`status IN ('active', 'suspended', 'disabled')`),
    )
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id"))
    .addColumn("domain", "text", (c) => c.unique())
    .addColumn("seq", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await isolate(db, "tenants", "id");

  // Platform owners belong to no tenant; only the server's own (owner) connection reads this table.
  await db.schema
    .createTable("platform_users")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id"))
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role IN ('manager')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("users_pkey", ["tenant_id", "id"])
    .addUniqueConstraint("users_email_key", ["tenant_id", "email"])
    .execute();
  await db.schema.createIndex("users_email_idx").on("users").column("email").execute();
  await isolate(db, "users");

  await db.schema
    .createTable("devices")
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id"))
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("location_id", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("revoked_at", "timestamptz")
    .addColumn("last_seen_at", "timestamptz")
    .addPrimaryKeyConstraint("devices_pkey", ["tenant_id", "id"])
    .execute();
  await isolate(db, "devices");

  for (const table of PLAIN_COLLECTIONS) {
    await documentTable(db, table).execute();
  }

  await documentTable(db, "stock_levels")
    .addColumn("location_id", "text", (c) => c.notNull())
    .addColumn("variant_id", "text", (c) => c.notNull())
    .addColumn("on_hand", "integer", (c) => c.notNull())
    .addUniqueConstraint("stock_levels_location_variant_key", ["tenant_id", "location_id", "variant_id"])
    .execute();

  await documentTable(db, "stock_movements")
    .addColumn("location_id", "text", (c) => c.notNull())
    .addColumn("variant_id", "text", (c) => c.notNull())
    .addColumn("delta", "integer", (c) => c.notNull().check(sql`delta <> 0`))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("ref_id", "text")
    .addColumn("occurred_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("stock_movements_variant_idx")
    .on("stock_movements")
    .columns(["tenant_id", "location_id", "variant_id"])
    .execute();

  await documentTable(db, "sales")
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('sale', 'refund')`))
    .addColumn("register_id", "text", (c) => c.notNull())
    .addColumn("shift_id", "text", (c) => c.notNull())
    .addColumn("total", "bigint", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sales_created_idx").on("sales").columns(["tenant_id", "created_at"]).execute();
  await db.schema.createIndex("sales_shift_idx").on("sales").columns(["tenant_id", "shift_id"]).execute();

  await documentTable(db, "orders")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("customer_id", "text")
    .addColumn("total", "bigint", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("orders_customer_idx").on("orders").columns(["tenant_id", "customer_id"]).execute();

  await documentTable(db, "customers").addColumn("email", "text").addColumn("phone", "text").execute();
  await db.schema.createIndex("customers_email_idx").on("customers").columns(["tenant_id", "email"]).execute();

  for (const table of [...PLAIN_COLLECTIONS, "stock_levels", "stock_movements", "sales", "orders", "customers"]) {
    await seqIndex(db, table);
    await isolate(db, table);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "customers",
    "orders",
    "sales",
    "stock_movements",
    "stock_levels",
    ...PLAIN_COLLECTIONS,
    "devices",
    "users",
    "platform_users",
    "tenants",
    "plans",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
