import { sql, type Kysely } from "kysely";
import { PLATFORM_ROLE } from "./2026_11_23_09_00_00_create_core";

/** Today in UTC, the day `tenant_daily_stats` counts in. */
const TODAY = "(now() AT TIME ZONE 'UTC')::date";

/**
 * Cross-shop rollups of `tenant_daily_stats` (which triggers keep at write time), refreshed on a
 * schedule: the platform's figures per day and currency, and each shop's totals over the windows
 * the console shows. Both stop at yesterday (`as_of` is the day they were refreshed on); queries
 * add the days since from `tenant_daily_stats`, so today's sales show at once. With 10,000 shops
 * the console then reads a few thousand rows, not millions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE MATERIALIZED VIEW platform_daily_figures AS
         SELECT ${TODAY} AS as_of, s.day, t.currency,
                sum(s.pos_sales)::bigint AS pos_sales, sum(s.pos_gmv)::bigint AS pos_gmv,
                sum(s.online_orders)::bigint AS online_orders, sum(s.online_gmv)::bigint AS online_gmv,
                count(*) FILTER (WHERE s.pos_sales + s.online_orders > 0) AS shops_selling
         FROM tenant_daily_stats s JOIN tenants t ON t.id = s.tenant_id
         WHERE s.day < ${TODAY}
         GROUP BY s.day, t.currency`,
    )
    .execute(db);
  await sql`CREATE UNIQUE INDEX platform_daily_figures_key ON platform_daily_figures (day, currency)`.execute(db);
  await sql
    .raw(
      `CREATE MATERIALIZED VIEW shop_window_figures AS
         SELECT ${TODAY} AS as_of, w.days AS window_days, s.tenant_id,
                sum(s.pos_gmv + s.online_gmv)::bigint AS gmv, sum(s.pos_sales + s.online_orders)::bigint AS orders
         FROM (VALUES (7), (30), (90), (365)) AS w(days)
         JOIN tenant_daily_stats s ON s.day >= ${TODAY} - (w.days - 1) AND s.day < ${TODAY}
         GROUP BY w.days, s.tenant_id`,
    )
    .execute(db);
  await sql`CREATE UNIQUE INDEX shop_window_figures_key ON shop_window_figures (window_days, tenant_id)`.execute(db);
  await sql.raw(`GRANT SELECT ON platform_daily_figures, shop_window_figures TO ${PLATFORM_ROLE}`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP MATERIALIZED VIEW IF EXISTS shop_window_figures`.execute(db);
  await sql`DROP MATERIALIZED VIEW IF EXISTS platform_daily_figures`.execute(db);
}
