import { REFUND_JOB } from "../checkout/refunds";
import { MAIL_JOB } from "../outbox/mail-job";
import { outboxDepths } from "../outbox/outbox.repository";
import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";
import { asPlatformReader } from "../db/tenant-scope";
import { ACTIVE_TILL_HOURS } from "../tenants/tenant-list.repository";
import type { FigureWindow } from "./rollups";

/** A till's report counts towards the sync backlog while it is this recent. */
const BACKLOG_REPORT_DAYS = 7;

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The platform's figures over the last `days` days (a rollup window), through the read-only
 * platform role: GMV and orders per day at the tills and online (in one currency: money of
 * different currencies is never added up), new shops per day, shops selling, tills, the top shops,
 * and the backlogs of sync (documents waiting on tills, as they last reported) and of
 * reconciliation. Past days come from the rollups (`platform_daily_figures`,
 * `shop_window_figures`), the days since their refresh from the live per-shop rows: a few thousand
 * rows at most, never sales.
 */
export async function platformStats(db: Kysely<Database>, input: { days: FigureWindow; currency?: string | undefined }, now = new Date()) {
  const from = day(new Date(now.getTime() - (input.days - 1) * 86_400_000));
  const to = day(now);
  return asPlatformReader(db, async (trx) => {
    const asOf = (await sql<{ as_of: string | null }>`select max(as_of)::text as as_of from shop_window_figures`.execute(trx)).rows[0]
      ?.as_of;
    // Live rows from the rollups' day on (all of the window when nothing in it is rolled up yet).
    const rolled = asOf && asOf > from ? asOf : null;
    const liveFrom = rolled ?? from;
    const currencies = (
      await sql<{ currency: string; shops: string; gmv: string }>`
        with shops as (select currency, count(*) as shops from tenants where status <> 'deleted' group by currency),
        money as (
          select currency, sum(gmv) as gmv from (
            select currency, pos_gmv + online_gmv as gmv from platform_daily_figures where day >= ${from}::date and day < ${liveFrom}::date
            union all
            select t.currency, s.pos_gmv + s.online_gmv from tenant_daily_stats s join tenants t on t.id = s.tenant_id where s.day >= ${liveFrom}::date
          ) parts group by currency
        )
        select shops.currency, shops.shops, coalesce(money.gmv, 0) as gmv from shops left join money using (currency)
        order by shops.shops desc, shops.currency`.execute(trx)
    ).rows.map((r) => ({ currency: r.currency, shops: Number(r.shops), gmv: Number(r.gmv) }));
    const currency = input.currency ?? currencies[0]?.currency ?? "EUR";
    const series = await sql<{
      day: string;
      pos_sales: string;
      pos_gmv: string;
      online_orders: string;
      online_gmv: string;
      new_shops: string;
      active_shops: string;
    }>`
      with days as (select g::date as day from generate_series(${from}::date, ${to}::date, interval '1 day') g),
      figures as (
        select day, pos_sales, pos_gmv, online_orders, online_gmv, shops_selling from platform_daily_figures
        where currency = ${currency} and day >= ${from}::date and day < ${liveFrom}::date
        union all
        select s.day, sum(s.pos_sales), sum(s.pos_gmv), sum(s.online_orders), sum(s.online_gmv),
               count(*) filter (where s.pos_sales + s.online_orders > 0)
        from tenant_daily_stats s join tenants t on t.id = s.tenant_id and t.currency = ${currency}
        where s.day >= ${liveFrom}::date group by s.day
      ),
      born as (select (created_at at time zone 'UTC')::date as day, count(*) as n from tenants
               where created_at >= ${from}::date group by 1)
      select d.day::text as day, coalesce(f.pos_sales, 0) as pos_sales, coalesce(f.pos_gmv, 0) as pos_gmv,
             coalesce(f.online_orders, 0) as online_orders, coalesce(f.online_gmv, 0) as online_gmv,
             coalesce(b.n, 0) as new_shops, coalesce(f.shops_selling, 0) as active_shops
      from days d left join figures f on f.day = d.day left join born b on b.day = d.day order by d.day`.execute(trx);
    const top = await sql<{ id: string; slug: string; name: string; gmv: string; orders: string }>`
      with totals as (
        select tenant_id, sum(gmv) as gmv, sum(orders) as orders from (
          select tenant_id, gmv, orders from shop_window_figures where window_days = ${input.days} and as_of = ${rolled}::date
          union all
          select tenant_id, pos_gmv + online_gmv, pos_sales + online_orders from tenant_daily_stats where day >= ${liveFrom}::date
        ) parts group by tenant_id
      )
      select t.id, t.slug, t.name, totals.gmv, totals.orders
      from totals join tenants t on t.id = totals.tenant_id and t.currency = ${currency}
      where totals.orders > 0 order by totals.gmv desc, t.name limit 10`.execute(trx);
    const activeSince = new Date(now.getTime() - ACTIVE_TILL_HOURS * 3_600_000);
    const reportSince = new Date(now.getTime() - BACKLOG_REPORT_DAYS * 86_400_000);
    const totals = await sql<Record<string, string | null>>`
      select
        (select count(*) from tenants where status = 'active') as shops_active,
        (select count(*) from tenants where status in ('suspended', 'disabled')) as shops_suspended,
        (select count(*) from tenants where status = 'closed') as shops_closed,
        (select count(*) from (
           select tenant_id from shop_window_figures where window_days = ${input.days} and as_of = ${rolled}::date and orders > 0
           union
           select tenant_id from tenant_daily_stats where day >= ${liveFrom}::date and pos_sales + online_orders > 0) selling) as shops_selling,
        (select count(*) from devices where revoked_at is null) as tills,
        (select count(*) from devices where revoked_at is null and last_seen_at > ${activeSince}) as tills_active,
        (select coalesce(sum(pending_docs), 0) from devices where revoked_at is null and last_seen_at > ${reportSince}) as backlog_documents,
        (select count(*) from devices where revoked_at is null and last_seen_at > ${reportSince} and pending_docs > 0) as backlog_tills,
        (select min(last_seen_at) from devices where revoked_at is null and last_seen_at > ${reportSince} and pending_docs > 0) as backlog_oldest,
        (select coalesce(sum(open_reconciliation), 0) from tenant_counters) as reconciliation_open,
        (select count(*) from tenant_counters where open_reconciliation > 0) as reconciliation_shops
    `.execute(trx);
    const t = totals.rows[0]!;
    const n = (key: string) => Number(t[key] ?? 0);
    return {
      from,
      to,
      currency,
      rolledUpTo: rolled,
      currencies,
      days: series.rows.map((r) => ({
        day: r.day,
        posSales: Number(r.pos_sales),
        posGmv: Number(r.pos_gmv),
        onlineOrders: Number(r.online_orders),
        onlineGmv: Number(r.online_gmv),
        newShops: Number(r.new_shops),
        activeShops: Number(r.active_shops),
      })),
      topShops: top.rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, gmv: Number(r.gmv), orders: Number(r.orders) })),
      shops: { active: n("shops_active"), suspended: n("shops_suspended"), closed: n("shops_closed"), selling: n("shops_selling") },
      tills: { registered: n("tills"), active: n("tills_active") },
      syncBacklog: {
        documents: n("backlog_documents"),
        tills: n("backlog_tills"),
        oldestReportAt: t.backlog_oldest ? new Date(t.backlog_oldest).toISOString() : null,
      },
      reconciliationBacklog: { open: n("reconciliation_open"), shops: n("reconciliation_shops") },
    };
  });
}

/**
 * The outbox the server works through, across shops, as the console's health shows it: per kind
 * (mail, refunds) how many jobs wait, since when the oldest, and how many failed for good (dead:
 * retried until the outbox gave up; they need a person).
 */
export async function outboxHealth(db: Kysely<Database>) {
  const depths = await outboxDepths(db);
  const of = (kind: string) => {
    const row = depths.find((d) => d.kind === kind);
    return { depth: row?.pending ?? 0, dead: row?.dead ?? 0, oldestAt: row?.oldestPending?.toISOString() ?? null };
  };
  return { mail: of(MAIL_JOB), refunds: of(REFUND_JOB) };
}
