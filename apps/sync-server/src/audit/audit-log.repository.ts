import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../db/schema";
import { asPlatformReader } from "../db/tenant-scope";
import type { AuditQuery } from "./audit.schema";

interface EventRow {
  id: string;
  at: Date;
  tenant_id: string | null;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  outcome: "ok" | "refused";
  event: { targets?: { type: string; id: string }[]; details?: Record<string, unknown>; actor?: { address?: string } };
}

/** `at|id` of the last event of a page: the next page starts after it. */
const cursorOf = (row: EventRow) => `${row.at.toISOString()}|${row.id}`;

function readCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  const [at, id] = cursor?.split("|") ?? [];
  return at && id && !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$/.test(id) ? { at, id } : undefined;
}

/** The WHERE of one of the two logs for the query's filters. */
function filters(query: AuditQuery, cursor: { at: string; id: string } | undefined): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (query.actorKind) parts.push(sql`actor_kind = ${query.actorKind}`);
  if (query.actorId) parts.push(sql`actor_id = ${query.actorId}`);
  if (query.action) parts.push(query.action.endsWith(".") ? sql`starts_with(action, ${query.action})` : sql`action = ${query.action}`);
  if (query.outcome) parts.push(sql`outcome = ${query.outcome}`);
  if (query.from) parts.push(sql`at >= ${query.from}::timestamptz`);
  if (query.to) parts.push(sql`at < ${query.to}::timestamptz`);
  if (cursor) parts.push(sql`(at, id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  return sql.join(parts, sql` and `);
}

/**
 * A page of the audit log across every shop and the platform's own, newest first, through the
 * read-only platform role (so nothing here could change it, and the log itself refuses UPDATE and
 * DELETE to every role). Actors and shops are named where they are known.
 */
export async function auditPage(db: Kysely<Database>, query: AuditQuery) {
  const cursor = readCursor(query.before);
  const where = filters(query, cursor);
  const shops = query.scope !== "platform";
  const platform = query.scope !== "shops" && !query.tenantId;
  return asPlatformReader(db, async (trx) => {
    const branches: RawBuilder<unknown>[] = [];
    if (shops)
      branches.push(sql`(select id, at, tenant_id, actor_kind, actor_id, action, outcome, event from audit_log
        where ${where} ${query.tenantId ? sql`and tenant_id = ${query.tenantId}` : sql``}
        order by at desc, id desc limit ${query.limit + 1})`);
    if (platform)
      branches.push(sql`(select id, at, null::uuid as tenant_id, actor_kind, actor_id, action, outcome, event from platform_audit_log
        where ${where} order by at desc, id desc limit ${query.limit + 1})`);
    if (branches.length === 0) return { events: [], next: null };
    const rows = (
      await sql<EventRow>`select * from (${sql.join(branches, sql` union all `)}) e order by at desc, id desc limit ${query.limit + 1}`.execute(
        trx,
      )
    ).rows;
    const page = rows.slice(0, query.limit);
    const names = await namesOf(trx, page);
    return {
      events: page.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        tenantId: r.tenant_id,
        shop: r.tenant_id ? (names.shops.get(r.tenant_id) ?? null) : null,
        actorKind: r.actor_kind,
        actorId: r.actor_id,
        actorName: (r.actor_id && names.actors.get(`${r.actor_kind}:${r.actor_id}`)) || null,
        action: r.action,
        outcome: r.outcome,
        targets: r.event.targets ?? [],
        details: r.event.details ?? null,
        address: r.event.actor?.address ?? null,
      })),
      next: rows.length > query.limit ? cursorOf(page[page.length - 1]!) : null,
    };
  });
}

/** The names of the shops and actors of a page of events, in one round trip. */
async function namesOf(trx: Parameters<Parameters<typeof asPlatformReader>[1]>[0], rows: readonly EventRow[]) {
  const ids = (kind: string) => [...new Set(rows.filter((r) => r.actor_kind === kind && r.actor_id).map((r) => r.actor_id!))];
  const uuids = (values: string[]) => values.filter((v) => /^[0-9a-f-]{36}$/.test(v));
  const tenants = [...new Set(rows.map((r) => r.tenant_id).filter((t): t is string => t !== null))];
  const { rows: found } = await sql<{ kind: string; id: string; name: string; slug: string | null }>`
    select 'shop' as kind, id::text, name, slug from tenants where id = any(${tenants}::uuid[])
    union all select 'owner', id::text, name || ' <' || email || '>', null from platform_users where id = any(${uuids(ids("owner"))}::uuid[])
    union all select 'manager', id::text, name || ' <' || email || '>', null from users where id = any(${uuids(ids("manager"))}::uuid[])
    union all select 'device', id::text, name, null from devices where id = any(${uuids(ids("device"))}::uuid[])
  `.execute(trx);
  const shops = new Map<string, { slug: string; name: string }>();
  const actors = new Map<string, string>();
  for (const f of found) {
    if (f.kind === "shop") shops.set(f.id, { slug: f.slug ?? "", name: f.name });
    else actors.set(`${f.kind}:${f.id}`, f.name);
  }
  return { shops, actors };
}
