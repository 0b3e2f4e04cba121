import { sql, type Kysely } from "kysely";
import type { Database } from "./schema";

/**
 * The tables without `tenant_id`, and what each becomes on Citus. Reference tables are copied to
 * every node (small, read on every request, written rarely); the migrator's own tables stay local
 * on the coordinator, where migrations run.
 */
export const SHARED_TABLES = {
  tenants: "reference", // the shops: slug and domain are unique across all of them
  plans: "reference",
  platform_users: "reference",
  platform_sessions: "reference",
  platform_links: "reference", // the platform owners' own reset and invitation links
  platform_audit_log: "reference",
  signing_keys: "reference",
  rate_limits: "reference", // keyed by address or e-mail, across shops
  test_card_payments: "reference", // the built-in test card provider's ledger, across shops
  kysely_migration: "local",
  kysely_migration_lock: "local",
} as const satisfies Record<string, "reference" | "local">;

/** A primary key, unique key (constraint or index) or foreign key, read from the catalog. */
export interface TableKey {
  readonly table: string;
  readonly name: string;
  readonly kind: "primary" | "unique" | "foreign";
  readonly columns: readonly string[];
  /** For a foreign key: the table and columns it references. */
  readonly references?: { readonly table: string; readonly columns: readonly string[] };
}

/** What the catalog says: tables with `tenant_id`, tables without, and every key. */
export interface Distribution {
  readonly tenantTables: readonly string[];
  readonly sharedTables: readonly string[];
  readonly keys: readonly TableKey[];
}

/** Reads the public schema's tables and keys from information_schema and pg_catalog. */
export async function readDistribution(db: Kysely<Database>): Promise<Distribution> {
  const tables = await sql<{ name: string; tenant: boolean }>`
    select t.table_name as name,
      exists (select 1 from information_schema.columns c
              where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'tenant_id') as tenant
    from information_schema.tables t
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by 1`.execute(db);
  const keys = await sql<{ table: string; name: string; kind: string; columns: string[]; ref: string | null; refColumns: string[] | null }>`
    select c.conrelid::regclass::text as "table", c.conname as name, c.contype as kind,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
      case when c.contype = 'f' then c.confrelid::regclass::text end as ref,
      case when c.contype = 'f' then array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) end as "refColumns"
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where n.nspname = 'public' and c.contype in ('p', 'u', 'f')
    union all
    -- Unique indexes that no constraint owns (CREATE UNIQUE INDEX): Citus holds them to the same rule.
    select i.indrelid::regclass::text, ic.relname::text, 'u',
      array(select a.attname::text from unnest(i.indkey::int2[]) with ordinality k(n, o)
            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.n order by k.o),
      null, null
    from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace
    where n.nspname = 'public' and i.indisunique
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by 1, 2`.execute(db);
  return {
    tenantTables: tables.rows.filter((t) => t.tenant).map((t) => t.name),
    sharedTables: tables.rows.filter((t) => !t.tenant).map((t) => t.name),
    keys: keys.rows.map((k) => ({
      table: k.table,
      name: k.name,
      kind: k.kind === "p" ? "primary" : k.kind === "u" ? "unique" : "foreign",
      columns: k.columns,
      ...(k.ref ? { references: { table: k.ref, columns: k.refColumns ?? [] } } : {}),
    })),
  };
}

/**
 * What keeps a schema from being distributed by `tenant_id`: a tenant table's key that does not
 * lead with it, a foreign key between tenant tables that does not join on it, a shared table's
 * foreign key into a tenant table, a shared table that is not in {@link SHARED_TABLES}.
 */
export function distributionProblems(d: Distribution): string[] {
  const tenant = new Set(d.tenantTables);
  const problems: string[] = [];
  for (const table of d.sharedTables)
    if (!(table in SHARED_TABLES)) problems.push(`${table} has no tenant_id and is not a known shared table`);
  for (const key of d.keys) {
    if (tenant.has(key.table)) {
      if (key.columns[0] !== "tenant_id")
        problems.push(`${key.table}.${key.name} (${key.columns.join(", ")}) does not lead with tenant_id`);
      if (key.references && tenant.has(key.references.table) && key.references.columns[0] !== "tenant_id")
        problems.push(`${key.table}.${key.name} references ${key.references.table} without tenant_id`);
    } else if (key.references && tenant.has(key.references.table)) {
      problems.push(`${key.table}.${key.name}: a shared table references tenant table ${key.references.table}`);
    }
  }
  return problems;
}

/** The Citus calls that distribute the schema: reference tables first (tenant tables' foreign keys point at them). */
export function citusStatements(d: Distribution): string[] {
  const reference = d.sharedTables.filter((t) => SHARED_TABLES[t as keyof typeof SHARED_TABLES] === "reference");
  const [first, ...rest] = d.tenantTables;
  return [
    ...reference.map((t) => `SELECT create_reference_table('${t}');`),
    ...(first ? [`SELECT create_distributed_table('${first}', 'tenant_id');`] : []),
    ...rest.map((t) => `SELECT create_distributed_table('${t}', 'tenant_id', colocate_with => '${first}');`),
  ];
}
