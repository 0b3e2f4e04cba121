import type { CollectionName } from "@countertop/sync-protocol";
import type { SSEStreamingApi } from "hono/streaming";
import { assertInGoodStanding } from "../auth/auth.middleware";
import type { Principal } from "../auth/token";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps } from "../http/app-env";
import type { PullAccess } from "./access";
import type { Change } from "./change-feed";
import { pullPage, type PullPage } from "./pull";

/** One collection a stream follows, with what its caller may see of it. */
export interface StreamSource {
  readonly collection: CollectionName;
  readonly access: PullAccess;
}

interface StreamOptions {
  readonly principal: Exclude<Principal, { kind: "owner" }>;
  readonly sources: readonly StreamSource[];
  /**
   * How a page goes on the wire (JSON text): the per-collection stream sends `{documents,
   * checkpoint}`, the multiplexed one names the collection too. One function per kind of stream
   * (not one per request): what it makes of a page is kept for every stream that sends the page.
   */
  readonly format: (collection: CollectionName, page: PullPage) => Buffer;
  readonly heartbeatMs: number;
  readonly signal: AbortSignal;
}

const PAGE = 500;

/** A stable number for each way of showing documents (`PullAccess.show`), for the key of a shared read. */
const showNumbers = new WeakMap<object, number>();
let shows = 0;
function accessKey(access: PullAccess): string {
  let show = 0;
  if (access.show) {
    if (!showNumbers.has(access.show)) showNumbers.set(access.show, ++shows);
    show = showNumbers.get(access.show)!;
  }
  return JSON.stringify([show, access.only?.column ?? null, access.only?.value ?? null, access.window?.from ?? null]);
}

/** How a page goes on the wire (an SSE event, encoded), made once per page and format however many streams send it. */
const sseEvents = new WeakMap<PullPage, Map<StreamOptions["format"], Uint8Array>>();
const utf8 = new TextEncoder();
const DATA = Buffer.from("data: ");
const END = Buffer.from("\n\n");
const LF = 0x0a;
const CR = 0x0d;

function sseEvent(page: PullPage, collection: CollectionName, format: StreamOptions["format"]): Uint8Array {
  let events = sseEvents.get(page);
  if (!events) sseEvents.set(page, (events = new Map()));
  let event = events.get(format);
  if (event === undefined) {
    const data = format(collection, page);
    // JSON text has no raw line breaks (PostgreSQL's and JSON.stringify's escape them): one `data:`
    // line, the page's bytes as they are.
    event =
      data.includes(LF) || data.includes(CR)
        ? utf8.encode(
            `${data
              .toString()
              .split(/\r\n|\r|\n/)
              .map((line) => `data: ${line}`)
              .join("\n")}\n\n`,
          )
        : Buffer.concat([DATA, data, END]);
    events.set(format, event);
  }
  return event;
}

/**
 * The reads of every stream woken by one change notification: the streams of a shop that follow
 * the same collection with the same access and cursor — most of them, after a sale — share one
 * read (and its answer). Keyed by the notification itself, so a read is only shared by streams
 * woken by the same or an earlier one: it started after that commit, so it sees it.
 */
const sharedReads = new WeakMap<Change, Map<string, Promise<PullPage>>>();

function sharedRead(round: Change | undefined, key: string, read: () => Promise<PullPage>): Promise<PullPage> {
  if (!round) return read();
  let reads = sharedReads.get(round);
  if (!reads) sharedReads.set(round, (reads = new Map()));
  let page = reads.get(key);
  if (!page) {
    page = read();
    reads.set(key, page);
    // A failed read is not handed to streams that come later.
    page.catch(() => reads.delete(key));
  }
  return page;
}

/** How soon a client should reconnect after the server ended its stream on shutdown. */
export const RECONNECT_AFTER_MS = 1_000;

/**
 * The last words of a stream whose process is stopping: `retry:` for EventSource clients, and a
 * "RESYNC" that our replica treats as "pull what you missed"; the stream then ends, and every client
 * reconnects (with a RESYNC of its own) to whichever process the load balancer picks.
 */
async function sayGoodbye(sse: SSEStreamingApi): Promise<void> {
  await sse.writeSSE({ data: JSON.stringify("RESYNC"), retry: RECONNECT_AFTER_MS }).catch(() => undefined);
}

/** The newest `seq` of each collection now: a stream starts there, everything older is the RESYNC pull's job. */
async function newestSeqs(deps: AppDeps, tenantId: string, sources: readonly StreamSource[]): Promise<Map<CollectionName, string>> {
  return withTenant(deps.db, tenantId, async (trx) => {
    const cursors = new Map<CollectionName, string>();
    for (const { collection } of sources) {
      const newest = await trx
        .selectFrom(collection as "products")
        .select((eb) => eb.fn.max("seq").as("seq"))
        .where("tenant_id", "=", tenantId)
        .executeTakeFirst();
      cursors.set(collection, newest?.seq ?? "0");
    }
    return cursors;
  });
}

/**
 * A live stream of one or several collections for one caller. It opens with "RESYNC" (the client
 * pulls what it missed), then sends every commit's documents as it hears of them through the change
 * feed, read from the database with the caller's own access rules, so a stream shows exactly what a
 * pull would. One connection carries any number of collections (a browser has 6 per origin). A
 * comment line every `heartbeatMs` keeps proxies from closing it and re-checks the caller.
 */
export async function openStream(deps: AppDeps, sse: SSEStreamingApi, options: StreamOptions): Promise<void> {
  const { principal, sources } = options;
  const tenantId = principal.tenantId;
  const cursors = await newestSeqs(deps, tenantId, sources);
  const followed = new Set(sources.map((s) => s.collection));
  const dirty = new Set<CollectionName>();
  let closed = false;
  let running: Promise<void> = Promise.resolve();
  /** The newest notification that woke this stream: its reads are shared with the other streams it woke. */
  let round: Change | undefined;

  const drainOne = async ({ collection, access }: StreamSource) => {
    const key = `${tenantId}|${collection}|${accessKey(access)}`;
    for (;;) {
      const since = cursors.get(collection) ?? "0";
      const page = await sharedRead(round, `${key}|${since}`, () => pullPage(deps, tenantId, collection, { since, limit: PAGE, access }));
      if (page.documents.length === 0) return;
      cursors.set(collection, page.checkpoint.seq);
      await sse.write(sseEvent(page, collection, options.format));
      if (page.documents.length < PAGE) return;
    }
  };
  const drain = async () => {
    while (dirty.size > 0 && !closed) {
      const due = sources.filter((s) => dirty.has(s.collection));
      dirty.clear();
      for (const source of due) if (!closed) await drainOne(source);
    }
  };
  let finish = () => {};
  const wake = (collections: readonly CollectionName[], change: Change) => {
    round = change;
    for (const collection of collections) dirty.add(collection);
    running = running.then(drain).catch(() => finish());
  };

  const unsubscribe = deps.changes.subscribe(tenantId, (change) => {
    const hit =
      change.collections === "*" ? [...followed] : change.collections.filter((c): c is CollectionName => followed.has(c as CollectionName));
    if (hit.length > 0) wake(hit, change);
  });
  const done = new Promise<void>((resolve) => {
    finish = () => {
      closed = true;
      resolve();
    };
    options.signal.addEventListener("abort", finish, { once: true });
    sse.onAbort(finish);
  });
  // The process is stopping: tell the client to come back (to another process) and end the stream.
  const goodbye = () => void sayGoodbye(sse).finally(() => finish());
  if (deps.closing?.aborted) goodbye();
  else deps.closing?.addEventListener("abort", goodbye, { once: true });
  const heartbeat = setInterval(() => {
    void (async () => {
      if (closed) return;
      if (
        !(await assertInGoodStanding(deps, principal).then(
          () => true,
          () => false,
        ))
      ) {
        finish();
        return;
      }
      await sse.write(": heartbeat\n\n");
    })();
  }, options.heartbeatMs);

  try {
    await sse.writeSSE({ data: JSON.stringify("RESYNC") });
    await done;
  } finally {
    clearInterval(heartbeat);
    deps.closing?.removeEventListener("abort", goodbye);
    unsubscribe();
    await running;
  }
}
