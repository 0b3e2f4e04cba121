import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";
import { asPlatformReader } from "../db/tenant-scope";
import type { TenantListQuery } from "./tenant.schema";

/** A till counts as active when it synced in the last 24 hours. */
export const ACTIVE_TILL_HOURS = 24;

const SORT_COLUMNS: Record<TenantListQuery["sort"], string> = {
  name: "lower(t.name)",
  slug: "t.slug",
  created: "t.created_at",
  gmv: "gmv30",
  orders: "orders30",
  tills: "active_tills",
  lastSync: "last_sync_at",
  reconciliation: "open_reconciliation",
};

interface TenantListRow {
  id: string;
  slug: string;
  name: string;
  currency: string;
  status: string;
  plan_id: string;
  domain: string | null;
  created_at: Date;
  gmv30: string;
  orders30: string;
  active_tills: string;
  last_sync_at: Date | null;
  open_reconciliation: string;
  total: string;
}

/**
 * A page of every shop with its figures of the last 30 days, through the read-only platform role.
 * The figures come from the 30-day rollup (`shop_window_figures`, up to yesterday), the live rows
 * of the days since (`tenant_daily_stats`, kept at write time) and `tenant_counters`: one row per
 * shop, never a scan of sales.
 */
export async function listTenantPage(db: Kysely<Database>, query: TenantListQuery, now = new Date()) {
  const like = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const statuses = query.status === "suspended" ? ["suspended", "disabled"] : query.status ? [query.status] : undefined;
  const since = new Date(now.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
  const activeSince = new Date(now.getTime() - ACTIVE_TILL_HOURS * 3_600_000);
  const order = sql.raw(`${SORT_COLUMNS[query.sort]} ${query.dir === "asc" ? "asc" : "desc"} nulls last, t.id`);
  const rows = await asPlatformReader(db, async (trx) => {
    // The day the rollup reaches, as a value: the planner then reads only the live days by index.
    const asOf = (await sql<{ as_of: string | null }>`select max(as_of)::text as as_of from shop_window_figures`.execute(trx)).rows[0]
      ?.as_of;
    const rolled = asOf && asOf > since ? asOf : null;
    const result = await sql<TenantListRow>`
      with figures as (
        -- The 30-day totals rolled up to yesterday, and the days since from the live rows.
        select tenant_id, sum(gmv) as gmv, sum(orders) as orders from (
          select tenant_id, gmv, orders from shop_window_figures where window_days = 30 and as_of = ${rolled}::date
          union all
          select tenant_id, pos_gmv + online_gmv, pos_sales + online_orders from tenant_daily_stats where day >= ${rolled ?? since}::date
        ) both_parts group by tenant_id
      ), tills as (
        select tenant_id,
               count(*) filter (where revoked_at is null and last_seen_at > ${activeSince}) as active,
               max(last_seen_at) as last_sync
        from devices group by tenant_id
      )
      select t.id, t.slug, t.name, t.currency, t.status, t.plan_id, t.domain, t.created_at,
             coalesce(f.gmv, 0) as gmv30, coalesce(f.orders, 0) as orders30,
             coalesce(d.active, 0) as active_tills, d.last_sync as last_sync_at,
             coalesce(c.open_reconciliation, 0) as open_reconciliation,
             count(*) over () as total
      from tenants t
      left join figures f on f.tenant_id = t.id
      left join tills d on d.tenant_id = t.id
      left join tenant_counters c on c.tenant_id = t.id
      where true
        ${like ? sql`and (t.name ilike ${like} or t.slug ilike ${like} or t.domain ilike ${like})` : sql``}
        ${statuses ? sql`and t.status = any(${statuses}::text[])` : sql`and t.status <> 'deleted'`}
        ${query.plan ? sql`and t.plan_id = ${query.plan}` : sql``}
      order by ${order}
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}
    `.execute(trx);
    return result.rows;
  });
  return {
    tenants: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      currency: r.currency,
      status: r.status === "disabled" ? "suspended" : r.status,
      planId: r.plan_id,
      domain: r.domain,
      createdAt: r.created_at.toISOString(),
      gmv30: Number(r.gmv30),
      orders30: Number(r.orders30),
      activeTills: Number(r.active_tills),
      lastSyncAt: r.last_sync_at?.toISOString() ?? null,
      openReconciliation: Number(r.open_reconciliation),
    })),
    total: Number(rows[0]?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A shop's figures per day, oldest first, with zero for days without any. */
export async function tenantFigures(db: Kysely<Database>, tenantId: string, days: number, now = new Date()) {
  const from = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const rows = await asPlatformReader(db, (trx) =>
    sql<{ day: string; pos_sales: number; pos_gmv: string; pos_refunded: string; online_orders: number; online_gmv: string }>`
      select g.day::date::text as day, coalesce(s.pos_sales, 0) as pos_sales, coalesce(s.pos_gmv, 0) as pos_gmv,
             coalesce(s.pos_refunded, 0) as pos_refunded, coalesce(s.online_orders, 0) as online_orders,
             coalesce(s.online_gmv, 0) as online_gmv
      from generate_series(${from}::date, ${now.toISOString().slice(0, 10)}::date, interval '1 day') as g(day)
      left join tenant_daily_stats s on s.tenant_id = ${tenantId} and s.day = g.day::date
      order by g.day
    `.execute(trx),
  );
  return rows.rows.map((r) => ({
    day: r.day,
    posSales: Number(r.pos_sales),
    posGmv: Number(r.pos_gmv),
    posRefunded: Number(r.pos_refunded),
    onlineOrders: Number(r.online_orders),
    onlineGmv: Number(r.online_gmv),
  }));
}
