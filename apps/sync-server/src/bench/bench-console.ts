/**
 * `pnpm bench:console`: the platform owner's queries on a platform of 10,000 shops (30,000 tills)
 * as its sales grow to 10 million, on PostgreSQL 15. Sales are inserted a million per statement, so
 * the triggers that keep `tenant_daily_stats` do their work as they would for pushes; after each
 * step the rollups are refreshed (timed) and the console's queries run through the read-only
 * platform role (median of 5), with "today" holding live figures as it does in use. Also measures
 * what those triggers add to a push of one sale. Prints a table and ends with one JSON line.
 *
 * `--quick`: 1,000 shops and 1 million sales. `--shops N`, `--sales N` to choose.
 * Needs TEST_DATABASE_URL (`pnpm bench:console` starts a throwaway PostgreSQL 15).
 */
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { auditPage } from "../audit/audit-log.repository";
import { auditQuerySchema } from "../audit/audit.schema";
import { migrateToLatest, openDatabase } from "../db/database";
import { platformStats } from "../platform/platform-stats.repository";
import { refreshRollups } from "../platform/rollups";
import { createScratchDatabase } from "../testing/scratch-database";
import { listTenantPage, tenantFigures } from "../tenants/tenant-list.repository";
import { tenantListQuerySchema } from "../tenants/tenant.schema";

const { values: args } = parseArgs({
  options: { quick: { type: "boolean", default: false }, shops: { type: "string" }, sales: { type: "string" } },
});
const SHOPS = Number(args.shops ?? (args.quick ? 1_000 : 10_000));
const SALES = Number(args.sales ?? (args.quick ? 1_000_000 : 10_000_000));
const STEP = 1_000_000;
const CHECKPOINTS = [1_000_000, 2_000_000, 5_000_000, 10_000_000, SALES].filter((n, i, all) => n <= SALES && all.indexOf(n) === i);
const log = (message: string) => console.log(`bench:console: ${message}`);
const round = (n: number) => Math.round(n * 10) / 10;

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error("bench:console needs TEST_DATABASE_URL; `pnpm bench:console` starts a throwaway PostgreSQL 15");
const scratch = await createScratchDatabase(adminUrl, "bench_console");
const database = await openDatabase({ url: scratch.url, dataDir: "", poolSize: 4 });
const db = database.db;

async function timed<T>(run: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** The median of five runs, after one to warm the cache. */
async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(await timed(run));
  return round(times.sort((a, b) => a - b)[2]!);
}

try {
  await migrateToLatest(db);
  log(`seeding ${SHOPS.toLocaleString("en")} shops with 3 tills each…`);
  await sql`
    insert into tenants (id, slug, name, currency, plan_id, created_at)
    select gen_random_uuid(), 'shop-' || g, 'Shop ' || g, case when g % 10 = 0 then 'USD' else 'EUR' end,
           (array['starter', 'growth', 'scale'])[1 + g % 3], now() - (g % 400) * interval '1 day'
    from generate_series(1, ${SHOPS}) g`.execute(db);
  await sql`create table bench_shops as select row_number() over (order by id) - 1 as i, id from tenants`.execute(db);
  await sql`
    insert into devices (tenant_id, id, name, created_at, last_seen_at, pending_docs, app_version)
    select t.id, gen_random_uuid(), 'Till ' || k, now(), now() - random() * interval '3 days', (random() * 20)::int, 'pos/0.1.0'
    from tenants t, generate_series(1, 3) k`.execute(db);

  const rows: Record<string, number>[] = [];
  let inserted = 0;
  for (const checkpoint of CHECKPOINTS) {
    while (inserted < checkpoint) {
      const count = Math.min(STEP, checkpoint - inserted);
      const ms = await timed(() =>
        sql`
          insert into sales (tenant_id, id, seq, deleted, doc, kind, register_id, shift_id, total, created_at)
          select s.id, 's' || g, g, false, '{}'::jsonb, case when g % 50 = 0 then 'refund' else 'sale' end, 'r', 'sh',
                 100 + g % 5000, now() - ((g * 7919) % (365 * 86400)) * interval '1 second'
          from generate_series(${inserted + 1}::bigint, ${inserted + count}::bigint) g
          join bench_shops s on s.i = g % ${SHOPS}`.execute(db),
      );
      inserted += count;
      log(`  ${inserted.toLocaleString("en")} sales (this million, with the figures' trigger: ${round(ms / 1000)} s)`);
    }
    await sql`analyze`.execute(db);
    const refreshMs = await refreshRollups(db);
    const statsRows = Number((await sql<{ n: string }>`select count(*) as n from tenant_daily_stats`.execute(db)).rows[0]!.n);
    const shopId = (await sql<{ id: string }>`select id from bench_shops where i = 7`.execute(db)).rows[0]!.id;
    const list = (q: Record<string, string>) => () => listTenantPage(db, tenantListQuerySchema.parse(q));
    const row = {
      sales: inserted,
      stats_rows: statsRows,
      rollup_refresh_ms: round(refreshMs),
      list_default_ms: await median(list({})),
      list_by_gmv_ms: await median(list({ sort: "gmv", dir: "desc" })),
      list_by_last_sync_ms: await median(list({ sort: "lastSync" })),
      list_search_ms: await median(list({ q: "shop-123" })),
      list_page_100_ms: await median(list({ sort: "name", dir: "asc", page: "100", pageSize: "50" })),
      platform_30d_ms: await median(() => platformStats(db, { days: 30 })),
      platform_90d_ms: await median(() => platformStats(db, { days: 90 })),
      shop_figures_90d_ms: await median(() => tenantFigures(db, shopId, 90)),
      audit_page_ms: await median(() => auditPage(db, auditQuerySchema.parse({}))),
    };
    rows.push(row);
    log(`  at ${inserted.toLocaleString("en")} sales (${statsRows.toLocaleString("en")} shop-day rows): ${JSON.stringify(row)}`);
  }

  // What the figures' triggers add to a push: 300 single-sale inserts with and without them.
  const shop = (await sql<{ id: string }>`select id from bench_shops where i = 1`.execute(db)).rows[0]!.id;
  const pushes = async (prefix: string) => {
    const started = performance.now();
    for (let i = 0; i < 300; i++) {
      await sql`insert into sales (tenant_id, id, seq, deleted, doc, kind, register_id, shift_id, total, created_at)
        values (${shop}, ${`${prefix}-${i}`}, ${1_000_000_000 + i}, false, '{}'::jsonb, 'sale', 'r', 'sh', 250, now())`.execute(db);
    }
    return (performance.now() - started) / 300;
  };
  await sql`alter table sales disable trigger sales_figures_insert`.execute(db);
  const without = await pushes("plain");
  await sql`alter table sales enable trigger sales_figures_insert`.execute(db);
  const withTrigger = await pushes("figured");

  console.log("");
  console.log(
    "sales       | shop-days | refresh   | list   | by GMV | by sync | search | page 100 | platform 30d | 90d    | shop 90d | audit",
  );
  for (const r of rows) {
    console.log(
      [
        String(r.sales).padStart(11),
        String(r.stats_rows).padStart(9),
        `${r.rollup_refresh_ms} ms`.padStart(9),
        ...[
          r.list_default_ms,
          r.list_by_gmv_ms,
          r.list_by_last_sync_ms,
          r.list_search_ms,
          r.list_page_100_ms,
          r.platform_30d_ms,
          r.platform_90d_ms,
          r.shop_figures_90d_ms,
          r.audit_page_ms,
        ].map((v) => `${v} ms`.padStart(6)),
      ].join(" | "),
    );
  }
  log(`one sale's insert: ${round(without)} ms without the figures' trigger, ${round(withTrigger)} ms with it`);
  console.log(
    JSON.stringify({
      shops: SHOPS,
      tills: SHOPS * 3,
      steps: rows,
      insert_ms_without_trigger: round(without),
      insert_ms_with_trigger: round(withTrigger),
    }),
  );
} finally {
  await database.close();
  await scratch.drop();
}
