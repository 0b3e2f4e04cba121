import { COLLECTIONS } from "@countertop/sync-protocol";
import { Zip, ZipDeflate } from "fflate";
import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";
import { asPlatformReader } from "../db/tenant-scope";

const PAGE = 1000;

/** One file of the archive: its name and its lines, read page by page. */
interface ArchiveFile {
  readonly name: string;
  lines(): AsyncIterable<string>;
}

/** Every row of a query, page by page, as JSON lines; `after` is the key of the last row read. */
async function* paged<R>(
  db: Kysely<Database>,
  read: (trx: Parameters<Parameters<typeof asPlatformReader>[1]>[0], after: string | undefined) => Promise<R[]>,
  keyOf: (row: R) => string,
  show: (row: R) => unknown,
): AsyncIterable<string> {
  let after: string | undefined;
  for (;;) {
    const rows = await asPlatformReader(db, (trx) => read(trx, after));
    for (const row of rows) yield `${JSON.stringify(show(row))}\n`;
    if (rows.length < PAGE) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}

/** The files of a shop's archive: every replicated collection, its tills, managers (no password hashes), figures and audit trail. */
function archiveFiles(db: Kysely<Database>, tenantId: string): ArchiveFile[] {
  const collections = COLLECTIONS.map((name): ArchiveFile => ({
    name: `collections/${name}.jsonl`,
    lines: () =>
      paged(
        db,
        async (trx, after) =>
          (
            await sql<{ seq: string; doc: unknown }>`
                select seq, doc from ${sql.table(name)} where tenant_id = ${tenantId} and seq > ${after ?? "0"}::bigint
                order by seq limit ${PAGE}`.execute(trx)
          ).rows,
        (row) => row.seq,
        (row) => row.doc,
      ),
  }));
  const table = (name: string, query: string, key: string): ArchiveFile => ({
    name,
    lines: () =>
      paged(
        db,
        async (trx, after) =>
          (
            await sql<Record<string, unknown>>`${sql.raw(query)} where tenant_id = ${tenantId} and ${sql.raw(key)}::text > ${after ?? ""}
              order by ${sql.raw(key)}::text limit ${PAGE}`.execute(trx)
          ).rows,
        (row) => String(row[key.split(".").at(-1)!]),
        (row) => row,
      ),
  });
  return [
    {
      name: "shop.json",
      lines: async function* () {
        const shop = await asPlatformReader(db, (trx) =>
          trx
            .selectFrom("tenants")
            .select(["id", "slug", "name", "currency", "status", "plan_id", "plan_overrides", "domain", "created_at"])
            .where("id", "=", tenantId)
            .executeTakeFirst(),
        );
        yield `${JSON.stringify({ ...shop, exportedAt: new Date().toISOString(), format: "countertop-shop-archive/1" }, null, 2)}\n`;
      },
    },
    ...collections,
    table("devices.jsonl", "select id, name, location_id, created_at, revoked_at, last_seen_at, app_version from devices", "id"),
    table("managers.jsonl", "select id, email, name, role, created_at, disabled_at from users", "id"),
    table("shopper-accounts.jsonl", "select customer_id, email, created_at from shopper_accounts", "customer_id"),
    table(
      "daily-figures.jsonl",
      "select day::text as day, pos_sales, pos_gmv, pos_refunds, pos_refunded, online_orders, online_gmv from tenant_daily_stats",
      "day",
    ),
    table("audit-log.jsonl", "select id, event from audit_log", "id"),
  ];
}

/**
 * A shop's whole data as a ZIP archive, streamed as it is read (through the read-only platform
 * role): one JSON-lines file per collection (the documents exactly as they replicate), its tills,
 * managers (without password hashes), shopper accounts (without them either), daily figures and
 * audit trail, and `shop.json`. What the owner downloads before closing a shop.
 */
export function shopArchive(db: Kysely<Database>, tenantId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      try {
        for (const file of archiveFiles(db, tenantId)) {
          const entry = new ZipDeflate(file.name, { level: 6 });
          zip.add(entry);
          for await (const line of file.lines()) entry.push(encoder.encode(line));
          entry.push(new Uint8Array(0), true);
        }
        zip.end();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
